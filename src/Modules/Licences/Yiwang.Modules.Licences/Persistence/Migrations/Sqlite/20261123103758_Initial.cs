using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Licences.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "licences_audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licences_authorisation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    licence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issuer_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    serial = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    type_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    holder_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    grantee_kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    grantee_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    grantee_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    fields = table.Column<string>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    granted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    granted_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_until_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    token = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_authorisation", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licences_case_cursor",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    since_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_case_cursor", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "licences_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    licence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    serial = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    issuer_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_event", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licences_issuer",
                columns: table => new
                {
                    department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    algorithm = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    next_status_index = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_issuer", x => x.department_code);
                });

            migrationBuilder.CreateTable(
                name: "licences_key",
                columns: table => new
                {
                    kid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    issuer_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    algorithm = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    public_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    private_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    retired_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_key", x => x.kid);
                });

            migrationBuilder.CreateTable(
                name: "licences_licence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    type_code = table.Column<string>(type: "TEXT", maxLength: 21, nullable: false),
                    type_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issuer_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    issuer_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    serial = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    holder_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    holder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    holder_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    holder_code_type = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    holder_account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    fields = table.Column<string>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    issued_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    status_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status_changed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status_index = table.Column<int>(type: "INTEGER", nullable: false),
                    source_case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    previous_identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    credential = table.Column<string>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_licence", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licences_objection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    licence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issuer_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    holder_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    fields = table.Column<string>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    raised_by_department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    raised_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    answered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    corrected_identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    escalated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_objection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licences_presentation",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    licence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    presentation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_presentation", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "licences_type",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 21, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    defining_authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issuer_level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    holder_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    fields = table.Column<string>(type: "TEXT", nullable: false),
                    validity_years = table.Column<int>(type: "INTEGER", nullable: true),
                    produced_by = table.Column<string>(type: "TEXT", nullable: false),
                    replaces = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_type", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "licences_use",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    licence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    used_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences_use", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_licences_audit_subject_at_utc",
                table: "licences_audit",
                columns: new[] { "subject", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_licences_authorisation_code",
                table: "licences_authorisation",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licences_authorisation_grantee_kind_grantee_code_granted_at_utc",
                table: "licences_authorisation",
                columns: new[] { "grantee_kind", "grantee_code", "granted_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_licences_authorisation_issuer_code_serial",
                table: "licences_authorisation",
                columns: new[] { "issuer_code", "serial" });

            migrationBuilder.CreateIndex(
                name: "ix_licences_event_issuer_code_serial",
                table: "licences_event",
                columns: new[] { "issuer_code", "serial" });

            migrationBuilder.CreateIndex(
                name: "ix_licences_issuer_credit_code",
                table: "licences_issuer",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licences_key_issuer_code_created_at_utc",
                table: "licences_key",
                columns: new[] { "issuer_code", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_licences_licence_holder_account_id",
                table: "licences_licence",
                column: "holder_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_licences_licence_holder_code_type_code",
                table: "licences_licence",
                columns: new[] { "holder_code", "type_code" });

            migrationBuilder.CreateIndex(
                name: "ix_licences_licence_identifier",
                table: "licences_licence",
                column: "identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licences_licence_issuer_code_serial_version",
                table: "licences_licence",
                columns: new[] { "issuer_code", "serial", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licences_licence_issuer_code_status_index",
                table: "licences_licence",
                columns: new[] { "issuer_code", "status_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licences_licence_source_case_id_type_code_version",
                table: "licences_licence",
                columns: new[] { "source_case_id", "type_code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licences_objection_holder_code",
                table: "licences_objection",
                column: "holder_code");

            migrationBuilder.CreateIndex(
                name: "ix_licences_objection_issuer_code_state_due_at_utc",
                table: "licences_objection",
                columns: new[] { "issuer_code", "state", "due_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_licences_objection_raised_by_department",
                table: "licences_objection",
                column: "raised_by_department");

            migrationBuilder.CreateIndex(
                name: "ix_licences_objection_state_escalated_at_utc_due_at_utc",
                table: "licences_objection",
                columns: new[] { "state", "escalated_at_utc", "due_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_licences_presentation_licence_id",
                table: "licences_presentation",
                column: "licence_id");

            migrationBuilder.CreateIndex(
                name: "ix_licences_use_licence_id_at_utc",
                table: "licences_use",
                columns: new[] { "licence_id", "at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "licences_audit");

            migrationBuilder.DropTable(
                name: "licences_authorisation");

            migrationBuilder.DropTable(
                name: "licences_case_cursor");

            migrationBuilder.DropTable(
                name: "licences_event");

            migrationBuilder.DropTable(
                name: "licences_issuer");

            migrationBuilder.DropTable(
                name: "licences_key");

            migrationBuilder.DropTable(
                name: "licences_licence");

            migrationBuilder.DropTable(
                name: "licences_objection");

            migrationBuilder.DropTable(
                name: "licences_presentation");

            migrationBuilder.DropTable(
                name: "licences_type");

            migrationBuilder.DropTable(
                name: "licences_use");
        }
    }
}

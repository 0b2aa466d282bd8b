using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Sharing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sharing_audit",
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
                    table.PrimaryKey("pk_sharing_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_chain_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_chain_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_checkpoint",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    alg = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_checkpoint", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "sharing_evidence",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    consumer_department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    resource_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    items = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    case_ref = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    subjects = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    result_count = table.Column<int>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_evidence", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "sharing_evidence_subject",
                columns: table => new
                {
                    digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_evidence_subject", x => new { x.digest, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "sharing_objection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    resource_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    resource_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    provider_department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    record_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value_at_objection = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    proposed_value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    raised_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    escalated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    answer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    answered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_objection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    resource_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    values = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_record", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_record_key",
                columns: table => new
                {
                    resource_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    record_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_record_key", x => new { x.resource_id, x.field, x.value, x.record_id });
                });

            migrationBuilder.CreateTable(
                name: "sharing_request",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    resource_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    resource_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    resource_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    provider_department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    consumer_department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    items = table.Column<string>(type: "TEXT", nullable: false),
                    masked_items = table.Column<string>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    daily_quota = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    requested_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    escalated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_request", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_resource",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    provider_department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    items = table.Column<string>(type: "TEXT", nullable: false),
                    update_cycle = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    share_type = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    share_condition = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    refusal_basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    open_type = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    source_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    record_count = table.Column<int>(type: "INTEGER", nullable: false),
                    loaded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    published_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_resource", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_sequence",
                columns: table => new
                {
                    scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    next_value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_sequence", x => new { x.scope, x.day });
                });

            migrationBuilder.CreateTable(
                name: "sharing_setting",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_setting", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "sharing_usage",
                columns: table => new
                {
                    grant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    calls = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_usage", x => new { x.grant_id, x.day });
                });

            migrationBuilder.InsertData(
                table: "sharing_chain_head",
                columns: new[] { "id", "last_hash", "last_seq" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_audit_subject_at_utc",
                table: "sharing_audit",
                columns: new[] { "subject", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_evidence_consumer_department_code_seq",
                table: "sharing_evidence",
                columns: new[] { "consumer_department_code", "seq" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_evidence_provider_department_code_seq",
                table: "sharing_evidence",
                columns: new[] { "provider_department_code", "seq" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_objection_provider_department_code_state",
                table: "sharing_objection",
                columns: new[] { "provider_department_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_objection_raised_by",
                table: "sharing_objection",
                column: "raised_by");

            migrationBuilder.CreateIndex(
                name: "ix_sharing_record_resource_id_record_key",
                table: "sharing_record",
                columns: new[] { "resource_id", "record_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sharing_record_key_record_id",
                table: "sharing_record_key",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_sharing_request_consumer_department_code",
                table: "sharing_request",
                column: "consumer_department_code");

            migrationBuilder.CreateIndex(
                name: "ix_sharing_request_number",
                table: "sharing_request",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sharing_request_provider_department_code_state",
                table: "sharing_request",
                columns: new[] { "provider_department_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_request_resource_id_client_id_state",
                table: "sharing_request",
                columns: new[] { "resource_id", "client_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_resource_code",
                table: "sharing_resource",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sharing_resource_provider_department_code",
                table: "sharing_resource",
                column: "provider_department_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sharing_audit");

            migrationBuilder.DropTable(
                name: "sharing_chain_head");

            migrationBuilder.DropTable(
                name: "sharing_checkpoint");

            migrationBuilder.DropTable(
                name: "sharing_evidence");

            migrationBuilder.DropTable(
                name: "sharing_evidence_subject");

            migrationBuilder.DropTable(
                name: "sharing_objection");

            migrationBuilder.DropTable(
                name: "sharing_record");

            migrationBuilder.DropTable(
                name: "sharing_record_key");

            migrationBuilder.DropTable(
                name: "sharing_request");

            migrationBuilder.DropTable(
                name: "sharing_resource");

            migrationBuilder.DropTable(
                name: "sharing_sequence");

            migrationBuilder.DropTable(
                name: "sharing_setting");

            migrationBuilder.DropTable(
                name: "sharing_usage");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Identity.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_account",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    login_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    id_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    trust_level = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    failed_sign_ins = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    roles = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_account", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_agent_grant",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    legal_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    items = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    valid_until_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    granted_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    granted_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_agent_grant", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_audit",
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
                    table.PrimaryKey("pk_identity_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_key",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    material = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_legal_person",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    representative_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_legal_person", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_oidc_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    client_secret = table.Column<string>(type: "TEXT", nullable: true),
                    client_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    consent_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    display_names = table.Column<string>(type: "TEXT", nullable: true),
                    json_web_key_set = table.Column<string>(type: "TEXT", nullable: true),
                    permissions = table.Column<string>(type: "TEXT", nullable: true),
                    post_logout_redirect_uris = table.Column<string>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    redirect_uris = table.Column<string>(type: "TEXT", nullable: true),
                    requirements = table.Column<string>(type: "TEXT", nullable: true),
                    settings = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_oidc_application", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_oidc_scope",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    descriptions = table.Column<string>(type: "TEXT", nullable: true),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    display_names = table.Column<string>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    resources = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_oidc_scope", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_oidc_authorization",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    creation_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    scopes = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_oidc_authorization", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_oidc_authorization_identity_oidc_application_application_id",
                        column: x => x.application_id,
                        principalTable: "identity_oidc_application",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "identity_oidc_token",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    authorization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    creation_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expiration_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    redemption_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reference_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_oidc_token", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_oidc_token_identity_oidc_application_application_id",
                        column: x => x.application_id,
                        principalTable: "identity_oidc_application",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_identity_oidc_token_identity_oidc_authorization_authorization_id",
                        column: x => x.authorization_id,
                        principalTable: "identity_oidc_authorization",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_account_login_name",
                table: "identity_account",
                column: "login_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_agent_grant_agent_id",
                table: "identity_agent_grant",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_agent_grant_legal_person_id",
                table: "identity_agent_grant",
                column: "legal_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_audit_subject_at_utc",
                table: "identity_audit",
                columns: new[] { "subject", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_legal_person_credit_code",
                table: "identity_legal_person",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_oidc_application_client_id",
                table: "identity_oidc_application",
                column: "client_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_oidc_authorization_application_id_status_subject_type",
                table: "identity_oidc_authorization",
                columns: new[] { "application_id", "status", "subject", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_oidc_scope_name",
                table: "identity_oidc_scope",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_oidc_token_application_id_status_subject_type",
                table: "identity_oidc_token",
                columns: new[] { "application_id", "status", "subject", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_oidc_token_authorization_id",
                table: "identity_oidc_token",
                column: "authorization_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_oidc_token_reference_id",
                table: "identity_oidc_token",
                column: "reference_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_account");

            migrationBuilder.DropTable(
                name: "identity_agent_grant");

            migrationBuilder.DropTable(
                name: "identity_audit");

            migrationBuilder.DropTable(
                name: "identity_key");

            migrationBuilder.DropTable(
                name: "identity_legal_person");

            migrationBuilder.DropTable(
                name: "identity_oidc_scope");

            migrationBuilder.DropTable(
                name: "identity_oidc_token");

            migrationBuilder.DropTable(
                name: "identity_oidc_authorization");

            migrationBuilder.DropTable(
                name: "identity_oidc_application");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Hotline.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hotline_audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_route",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_route", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_sequence",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    next_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_sequence", x => new { x.scope, x.day });
                });

            migrationBuilder.CreateTable(
                name: "hotline_ticket",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    caller_account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    caller_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    caller_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    urgent = table.Column<bool>(type: "boolean", nullable: false),
                    category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    confidence = table.Column<double>(type: "double precision", nullable: true),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    dispatched_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sign_due_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    handle_due_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    accepted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reply = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    replied_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    satisfaction = table.Column<int>(type: "integer", nullable: true),
                    warned_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sign_overdue_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    escalated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    possible_duplicate_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true),
                    returns = table.Column<int>(type: "integer", nullable: false),
                    reopens = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_ticket", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_ticket_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    department_code = table.Column<string>(type: "text", nullable: true),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_ticket_event", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hotline_audit_subject_at_utc",
                table: "hotline_audit",
                columns: new[] { "subject", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_hotline_route_category_region_code",
                table: "hotline_route",
                columns: new[] { "category", "region_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hotline_ticket_caller_account_id",
                table: "hotline_ticket",
                column: "caller_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_hotline_ticket_department_code_state",
                table: "hotline_ticket",
                columns: new[] { "department_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_hotline_ticket_number",
                table: "hotline_ticket",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hotline_ticket_region_code_created_at_utc",
                table: "hotline_ticket",
                columns: new[] { "region_code", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_hotline_ticket_event_ticket_id_at_utc",
                table: "hotline_ticket_event",
                columns: new[] { "ticket_id", "at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_audit");

            migrationBuilder.DropTable(
                name: "hotline_route");

            migrationBuilder.DropTable(
                name: "hotline_sequence");

            migrationBuilder.DropTable(
                name: "hotline_ticket");

            migrationBuilder.DropTable(
                name: "hotline_ticket_event");
        }
    }
}

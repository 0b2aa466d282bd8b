using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Cases.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_alert",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    case_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    raised_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_alert", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_audit",
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
                    table.PrimaryKey("pk_cases_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    query_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    item = table.Column<string>(type: "text", nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applicant = table.Column<string>(type: "text", nullable: false),
                    applicant_account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    legal_person_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    created_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    current_step = table.Column<int>(type: "integer", nullable: false),
                    form = table.Column<string>(type: "text", nullable: false),
                    form_field_count = table.Column<int>(type: "integer", nullable: false),
                    prefilled_field_count = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    accepted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    warn_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    warn_share = table.Column<double>(type: "double precision", nullable: false),
                    statutory_due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    running_due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    running_warn_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    paused_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resume_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    paused_working_days = table.Column<int>(type: "integer", nullable: false),
                    extension_requested_days = table.Column<int>(type: "integer", nullable: true),
                    extension_reason = table.Column<string>(type: "text", nullable: true),
                    extension_days = table.Column<int>(type: "integer", nullable: false),
                    supplement_items = table.Column<string>(type: "text", nullable: false),
                    supplement_note = table.Column<string>(type: "text", nullable: true),
                    supplement_requested_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    special_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decision = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    decision_reason = table.Column<string>(type: "text", nullable: true),
                    decision_basis = table.Column<string>(type: "text", nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    delivery = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    completed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    not_accepted_reason = table.Column<string>(type: "text", nullable: true),
                    warning_raised_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    overdue_raised_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    rating_count = table.Column<int>(type: "integer", nullable: false),
                    deadline_round = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    step_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    from_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    opinion = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_event", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_hall_ticket",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    call_number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    query_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    taken_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    called_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    window = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    called_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    served_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    wait_alert_raised_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    rated = table.Column<bool>(type: "boolean", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_hall_ticket", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_material",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    material_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    reused_from_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    review = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    review_reason = table.Column<string>(type: "text", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    licence_identifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_material", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_notification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_notification", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_rating",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    rater_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    rated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_rating", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_rectification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rating_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    opened_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    callback_note = table.Column<string>(type: "text", nullable: true),
                    called_back_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    explanation = table.Column<string>(type: "text", nullable: true),
                    closed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    overdue_raised_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_rectification", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases_sequence",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    next_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases_sequence", x => new { x.scope, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_alert_raised_at_utc",
                table: "cases_alert",
                column: "raised_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_cases_alert_subject_id_kind_round",
                table: "cases_alert",
                columns: new[] { "subject_id", "kind", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_audit_subject_at_utc",
                table: "cases_audit",
                columns: new[] { "subject", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_applicant_account_id",
                table: "cases_case",
                column: "applicant_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_completed_at_utc_id",
                table: "cases_case",
                columns: new[] { "completed_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_created_by_idempotency_key",
                table: "cases_case",
                columns: new[] { "created_by", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_department_code_created_at_utc",
                table: "cases_case",
                columns: new[] { "department_code", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_department_code_running_due_at_utc",
                table: "cases_case",
                columns: new[] { "department_code", "running_due_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_legal_person_credit_code",
                table: "cases_case",
                column: "legal_person_credit_code");

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_number",
                table: "cases_case",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_overdue_raised_at_utc_running_due_at_utc",
                table: "cases_case",
                columns: new[] { "overdue_raised_at_utc", "running_due_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_region_code_created_at_utc",
                table: "cases_case",
                columns: new[] { "region_code", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_region_code_running_due_at_utc",
                table: "cases_case",
                columns: new[] { "region_code", "running_due_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_updated_at_utc",
                table: "cases_case",
                column: "updated_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_warning_raised_at_utc_running_warn_at_utc",
                table: "cases_case",
                columns: new[] { "warning_raised_at_utc", "running_warn_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_event_case_id_at_utc",
                table: "cases_event",
                columns: new[] { "case_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_hall_ticket_hall_code_day_sequence",
                table: "cases_hall_ticket",
                columns: new[] { "hall_code", "day", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_hall_ticket_state_taken_at_utc",
                table: "cases_hall_ticket",
                columns: new[] { "state", "taken_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_material_case_id",
                table: "cases_material",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_notification_account_id_created_at_utc",
                table: "cases_notification",
                columns: new[] { "account_id", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_rating_department_code_rated_at_utc",
                table: "cases_rating",
                columns: new[] { "department_code", "rated_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_rating_subject_id_sequence",
                table: "cases_rating",
                columns: new[] { "subject_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_rectification_rating_id",
                table: "cases_rectification",
                column: "rating_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_rectification_state_due_at_utc",
                table: "cases_rectification",
                columns: new[] { "state", "due_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_alert");

            migrationBuilder.DropTable(
                name: "cases_audit");

            migrationBuilder.DropTable(
                name: "cases_case");

            migrationBuilder.DropTable(
                name: "cases_event");

            migrationBuilder.DropTable(
                name: "cases_hall_ticket");

            migrationBuilder.DropTable(
                name: "cases_material");

            migrationBuilder.DropTable(
                name: "cases_notification");

            migrationBuilder.DropTable(
                name: "cases_rating");

            migrationBuilder.DropTable(
                name: "cases_rectification");

            migrationBuilder.DropTable(
                name: "cases_sequence");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Reference.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reference_audit",
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
                    table.PrimaryKey("pk_reference_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_department",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_department", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_holiday_day",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_off_day = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_holiday_day", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "reference_region",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_region", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reference_audit_subject_at_utc",
                table: "reference_audit",
                columns: new[] { "subject", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_reference_department_code",
                table: "reference_department",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reference_department_credit_code",
                table: "reference_department",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reference_department_region_code",
                table: "reference_department",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_reference_region_parent_code",
                table: "reference_region",
                column: "parent_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reference_audit");

            migrationBuilder.DropTable(
                name: "reference_department");

            migrationBuilder.DropTable(
                name: "reference_holiday_day");

            migrationBuilder.DropTable(
                name: "reference_region");
        }
    }
}

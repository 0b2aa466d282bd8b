using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Hotline.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class JointHandlingExtensionsReturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "co_handlers",
                table: "hotline_ticket",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "extension_days",
                table: "hotline_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_reason",
                table: "hotline_ticket",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "extensions",
                table: "hotline_ticket",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "returned_by",
                table: "hotline_ticket",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hotline_cohandler",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_cohandler", x => new { x.department_code, x.ticket_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_cohandler");

            migrationBuilder.DropColumn(
                name: "co_handlers",
                table: "hotline_ticket");

            migrationBuilder.DropColumn(
                name: "extension_days",
                table: "hotline_ticket");

            migrationBuilder.DropColumn(
                name: "extension_reason",
                table: "hotline_ticket");

            migrationBuilder.DropColumn(
                name: "extensions",
                table: "hotline_ticket");

            migrationBuilder.DropColumn(
                name: "returned_by",
                table: "hotline_ticket");
        }
    }
}

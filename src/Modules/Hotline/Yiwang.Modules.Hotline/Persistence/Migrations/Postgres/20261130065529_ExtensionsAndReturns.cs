using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Hotline.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ExtensionsAndReturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "extension_days",
                table: "hotline_ticket",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_reason",
                table: "hotline_ticket",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "extensions",
                table: "hotline_ticket",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "returned_by",
                table: "hotline_ticket",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Hotline.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_reason",
                table: "hotline_ticket",
                type: "TEXT",
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

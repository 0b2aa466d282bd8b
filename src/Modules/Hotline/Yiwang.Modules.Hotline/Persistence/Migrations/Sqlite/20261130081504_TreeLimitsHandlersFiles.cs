using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Hotline.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class TreeLimitsHandlersFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "category_code",
                table: "hotline_ticket",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "handler_account_id",
                table: "hotline_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handler_name",
                table: "hotline_ticket",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "urgency",
                table: "hotline_ticket",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Ordinary");

            // The urgent flag becomes the urgency (ordinary, urgent or complex) before it goes.
            migrationBuilder.Sql("UPDATE hotline_ticket SET urgency = CASE WHEN urgent <> 0 THEN 'Urgent' ELSE 'Ordinary' END");

            migrationBuilder.DropColumn(
                name: "urgent",
                table: "hotline_ticket");

            migrationBuilder.CreateTable(
                name: "hotline_attachment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uploaded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_attachment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_category",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_category", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "hotline_time_limit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    urgency = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    sign_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    handle = table.Column<int>(type: "INTEGER", nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_time_limit", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hotline_attachment_ticket_id",
                table: "hotline_attachment",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_hotline_category_parent_code",
                table: "hotline_category",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_hotline_time_limit_key",
                table: "hotline_time_limit",
                column: "key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_attachment");

            migrationBuilder.DropTable(
                name: "hotline_category");

            migrationBuilder.DropTable(
                name: "hotline_time_limit");

            migrationBuilder.DropColumn(
                name: "category_code",
                table: "hotline_ticket");

            migrationBuilder.DropColumn(
                name: "handler_account_id",
                table: "hotline_ticket");

            migrationBuilder.DropColumn(
                name: "handler_name",
                table: "hotline_ticket");

            migrationBuilder.DropColumn(
                name: "urgency",
                table: "hotline_ticket");

            migrationBuilder.AddColumn<bool>(
                name: "urgent",
                table: "hotline_ticket",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Sharing.Persistence.EvidenceMigrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            // WITHOUT ROWID: the index is stored in (digest, seq) order, so the data-use view reads one B-tree.
            migrationBuilder.Sql("CREATE TABLE sharing_evidence_subject (digest TEXT NOT NULL, seq INTEGER NOT NULL, CONSTRAINT pk_sharing_evidence_subject PRIMARY KEY (digest, seq)) WITHOUT ROWID;");

            migrationBuilder.CreateTable(
                name: "sharing_subject_mark",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    indexed_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_subject_mark", x => x.id);
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

            migrationBuilder.InsertData(
                table: "sharing_subject_mark",
                columns: new[] { "id", "indexed_seq" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_evidence_consumer_department_code_seq",
                table: "sharing_evidence",
                columns: new[] { "consumer_department_code", "seq" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_evidence_provider_department_code_seq",
                table: "sharing_evidence",
                columns: new[] { "provider_department_code", "seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sharing_chain_head");

            migrationBuilder.DropTable(
                name: "sharing_checkpoint");

            migrationBuilder.DropTable(
                name: "sharing_evidence");

            migrationBuilder.DropTable(
                name: "sharing_evidence_subject");

            migrationBuilder.DropTable(
                name: "sharing_subject_mark");

            migrationBuilder.DropTable(
                name: "sharing_usage");
        }
    }
}

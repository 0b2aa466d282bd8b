using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Sharing.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only: the records, their key index and the evidence subject index become WITHOUT ROWID tables, stored in
    /// the order of their primary keys. A lookup by key then reads two B-trees instead of four (key index, key table,
    /// record index, record table), and each evidence record's subject is written once instead of into a table and
    /// its index. EF Core has no setting for it, so the tables are rebuilt here by hand; PostgreSQL has no rowid.
    /// </summary>
    internal partial class ClusteredLookupTables : Migration
    {
        private static readonly Table[] Tables =
        [
            new("sharing_record",
                """
                "id" TEXT NOT NULL CONSTRAINT "pk_sharing_record" PRIMARY KEY, "resource_id" TEXT NOT NULL, "record_key" TEXT NOT NULL,
                "values" TEXT NOT NULL, "updated_at_utc" TEXT NOT NULL
                """,
                """ "id", "resource_id", "record_key", "values", "updated_at_utc" """,
                """CREATE UNIQUE INDEX "ix_sharing_record_resource_id_record_key" ON "sharing_record" ("resource_id", "record_key");"""),
            new("sharing_record_key",
                """
                "resource_id" TEXT NOT NULL, "field" TEXT NOT NULL, "value" TEXT NOT NULL, "record_id" TEXT NOT NULL,
                CONSTRAINT "pk_sharing_record_key" PRIMARY KEY ("resource_id", "field", "value", "record_id")
                """,
                """ "resource_id", "field", "value", "record_id" """,
                """CREATE INDEX "ix_sharing_record_key_record_id" ON "sharing_record_key" ("record_id");"""),
            new("sharing_evidence_subject",
                """
                "digest" TEXT NOT NULL, "seq" INTEGER NOT NULL, CONSTRAINT "pk_sharing_evidence_subject" PRIMARY KEY ("digest", "seq")
                """,
                """ "digest", "seq" """,
                null),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                Rebuild(migrationBuilder, table, " WITHOUT ROWID");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                Rebuild(migrationBuilder, table, "");
            }
        }

        private static void Rebuild(MigrationBuilder migrationBuilder, Table table, string options)
        {
            migrationBuilder.Sql($"""CREATE TABLE "{table.Name}_rebuilt" ({table.Columns}){options};""");
            migrationBuilder.Sql($"""INSERT INTO "{table.Name}_rebuilt" ({table.Names}) SELECT {table.Names} FROM "{table.Name}";""");
            migrationBuilder.Sql($"""DROP TABLE "{table.Name}";""");
            migrationBuilder.Sql($"""ALTER TABLE "{table.Name}_rebuilt" RENAME TO "{table.Name}";""");
            if (table.Index is not null)
            {
                migrationBuilder.Sql(table.Index);
            }
        }

        private sealed record Table(string Name, string Columns, string Names, string Index);
    }
}

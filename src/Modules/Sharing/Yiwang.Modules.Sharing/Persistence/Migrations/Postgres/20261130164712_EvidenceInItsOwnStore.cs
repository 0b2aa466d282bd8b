using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Sharing.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class EvidenceInItsOwnStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // On PostgreSQL the evidence tables stay where they are: the evidence store is the same database, and its own
            // Initial migration adopts them (it creates them only if they are missing).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing was dropped, so nothing is to be made again.
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Sharing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class EvidenceInItsOwnStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // On SQLite the evidence log moves to a file of its own. The tables stay in the main file until
            // EvidenceStoreUpgrade has copied their rows into the new store at start-up, and it drops them then.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing was dropped, so nothing is to be made again.
        }
    }
}

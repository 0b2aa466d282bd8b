using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yiwang.Modules.Sharing.Persistence.EvidenceMigrations.Postgres
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same tables EF Core would create, written out so that a database from before the evidence store had a
            // context of its own keeps its tables and rows (IF NOT EXISTS, ON CONFLICT DO NOTHING). Its subject index was
            // written with every record, so the mark starts at the chain head.
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS sharing_chain_head (
                    id integer NOT NULL,
                    last_seq bigint NOT NULL,
                    last_hash character varying(64) NOT NULL,
                    CONSTRAINT pk_sharing_chain_head PRIMARY KEY (id)
                );
                CREATE TABLE IF NOT EXISTS sharing_checkpoint (
                    seq bigint NOT NULL,
                    hash character varying(64) NOT NULL,
                    at_utc timestamp with time zone NOT NULL,
                    kid character varying(100) NOT NULL,
                    alg character varying(10) NOT NULL,
                    signature character varying(200) NOT NULL,
                    CONSTRAINT pk_sharing_checkpoint PRIMARY KEY (seq)
                );
                CREATE TABLE IF NOT EXISTS sharing_evidence (
                    seq bigint NOT NULL,
                    at_utc timestamp with time zone NOT NULL,
                    client_id character varying(64) NOT NULL,
                    consumer_department_code character varying(32) NOT NULL,
                    provider_department_code character varying(32) NOT NULL,
                    resource_code character varying(40) NOT NULL,
                    items character varying(2000) NOT NULL,
                    purpose character varying(200) NOT NULL,
                    case_ref character varying(60),
                    subjects character varying(4000) NOT NULL,
                    outcome character varying(40) NOT NULL,
                    result_count integer NOT NULL,
                    hash character varying(64) NOT NULL,
                    CONSTRAINT pk_sharing_evidence PRIMARY KEY (seq)
                );
                CREATE TABLE IF NOT EXISTS sharing_evidence_subject (
                    digest character varying(64) NOT NULL,
                    seq bigint NOT NULL,
                    CONSTRAINT pk_sharing_evidence_subject PRIMARY KEY (digest, seq)
                );
                CREATE TABLE IF NOT EXISTS sharing_subject_mark (
                    id integer NOT NULL,
                    indexed_seq bigint NOT NULL,
                    CONSTRAINT pk_sharing_subject_mark PRIMARY KEY (id)
                );
                CREATE TABLE IF NOT EXISTS sharing_usage (
                    grant_id uuid NOT NULL,
                    day character varying(8) NOT NULL,
                    calls integer NOT NULL,
                    CONSTRAINT pk_sharing_usage PRIMARY KEY (grant_id, day)
                );
                INSERT INTO sharing_chain_head (id, last_hash, last_seq)
                VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000', 0) ON CONFLICT DO NOTHING;
                INSERT INTO sharing_subject_mark (id, indexed_seq) SELECT 1, last_seq FROM sharing_chain_head WHERE id = 1 ON CONFLICT DO NOTHING;
                CREATE INDEX IF NOT EXISTS ix_sharing_evidence_consumer_department_code_seq ON sharing_evidence (consumer_department_code, seq);
                CREATE INDEX IF NOT EXISTS ix_sharing_evidence_provider_department_code_seq ON sharing_evidence (provider_department_code, seq);
                """);
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

using Microsoft.Data.Sqlite;
using Shouldly;
using SQLitePCL;
using Xunit;
using Yiwang.Modules.Sharing.Calling;

namespace Yiwang.Modules.Sharing.Tests;

public sealed class RecordReaderTests
{
    private const int StatusReprepare = 5; // SQLITE_STMTSTATUS_REPREPARE

    [Fact]
    public void The_lookup_read_is_planned_once_and_run_with_new_keys_after_that() =>
        ReprepareCount(RecordReader.Sql(100)).ShouldBe(0);

    [Fact]
    public void A_bound_limit_would_have_been_planned_again_on_every_run() =>
        ReprepareCount(RecordReader.Sql(100).Replace("LIMIT 100", "LIMIT @take")).ShouldBeGreaterThan(0);

    /// <summary>Runs the statement three times with different keys and returns how often SQLite had to prepare it again.</summary>
    private static int ReprepareCount(string sql)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE sharing_record (id TEXT NOT NULL PRIMARY KEY, resource_id TEXT NOT NULL, record_key TEXT NOT NULL, "values" TEXT NOT NULL);
                CREATE TABLE sharing_record_key (resource_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, record_id TEXT NOT NULL,
                    PRIMARY KEY (resource_id, field, value, record_id));
                INSERT INTO sharing_record VALUES ('r1', 'res', 'k1', '{}');
                INSERT INTO sharing_record_key VALUES ('res', 'idNumber', 'v1', 'r1');
                """;
            create.ExecuteNonQuery();
        }

        raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement, out _).ShouldBe(raw.SQLITE_OK);
        try
        {
            for (var run = 0; run < 3; run++)
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@resource"), "res");
                raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@field"), "idNumber");
                raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@value"), "v" + run);
                if (raw.sqlite3_bind_parameter_index(statement, "@take") is > 0 and var take)
                {
                    raw.sqlite3_bind_int(statement, take, 100 + run);
                }

                while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                {
                }
            }

            return raw.sqlite3_stmt_status(statement, StatusReprepare, 0);
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }
    }
}

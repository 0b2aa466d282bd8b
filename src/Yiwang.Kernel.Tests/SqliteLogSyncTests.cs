using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;
using Yiwang.Kernel.Persistence;

namespace Yiwang.Kernel.Tests;

public sealed class SqliteLogSyncTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yiwang-logsync-").FullName;

    [Fact]
    public void A_commit_on_a_deferring_connection_is_in_the_log_and_syncing_the_log_succeeds()
    {
        var settings = DatabaseSettings.Resolve(null, _directory);
        using var writer = DeferringWriterWith(settings, 42);

        SqliteLogSync.SyncLog(settings.LogPath());

        settings.LogPath().ShouldBe(Path.Combine(_directory, "yiwang.db-wal"));
        File.Exists(settings.LogPath()).ShouldBeTrue();
        using var reader = new SqliteConnection(settings.ConnectionString);
        reader.Open();
        using var read = reader.CreateCommand();
        read.CommandText = "SELECT v FROM t";
        read.ExecuteScalar().ShouldBe(42L);
        Scalar(writer, "PRAGMA synchronous").ShouldBe(1L); // NORMAL: the commit did not wait for the disk
    }

    [Fact]
    public void The_log_s_directory_is_synced_only_when_asked_for()
    {
        var settings = DatabaseSettings.Resolve(null, _directory);
        using var writer = DeferringWriterWith(settings, 1);
        var before = SqliteLogSync.DirectorySyncs;

        SqliteLogSync.SyncLog(settings.LogPath());
        SqliteLogSync.DirectorySyncs.ShouldBe(before);

        SqliteLogSync.SyncLog(settings.LogPath(), andItsName: true);
        SqliteLogSync.DirectorySyncs.ShouldBe(before + 1, "a new log's name must reach the disk before anyone is answered");
    }

    [Fact]
    public void Syncing_a_store_without_a_log_does_nothing()
    {
        var settings = DatabaseSettings.Resolve(null, _directory);

        Should.NotThrow(() => SqliteLogSync.SyncLog(settings.LogPath()));
    }

    [Fact]
    public void Only_sqlite_in_its_durable_mode_defers_syncs()
    {
        DatabaseSettings.Resolve(null, _directory).CanDefer().ShouldBeTrue();
        (DatabaseSettings.Resolve(null, _directory) with { SqliteFastCommits = true }).CanDefer().ShouldBeFalse();
        DatabaseSettings.Resolve("Host=127.0.0.1;Username=postgres", _directory).CanDefer().ShouldBeFalse();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A connection that defers its syncs, on a store in WAL mode, having committed one row holding <paramref name="value"/>.</summary>
    private static SqliteConnection DeferringWriterWith(DatabaseSettings settings, int value)
    {
        var writer = new SqliteConnection(settings.ConnectionString);
        writer.Open();
        Run(writer, "PRAGMA journal_mode=WAL; CREATE TABLE t (v INTEGER);");
        SqliteLogSync.DeferSyncs(writer);
        Run(writer, $"INSERT INTO t VALUES ({value});");
        return writer;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

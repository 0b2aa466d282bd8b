using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;
using Xunit;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Calling;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;
using Yiwang.TestKit;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>On PostgreSQL, lookups that arrive while a read is on its way are read together in one statement.</summary>
public sealed class PostgresRecordBatchesTests : IAsyncLifetime
{
    private static readonly Guid Resource = Guid.Parse("0192f000-0000-7000-8000-000000000001");
    private static readonly Guid OtherResource = Guid.Parse("0192f000-0000-7000-8000-000000000002");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private TestDatabase? _database;
    private DatabaseSettings _settings = null!;

    public async ValueTask InitializeAsync()
    {
        if (!TestDatabase.UsePostgres)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync();
        _settings = DatabaseSettings.Resolve(_database.ConnectionString, _database.DataDirectory);
        await using var db = new SharingPostgresDbContext(ModuleDbContextRegistration.DesignTimePostgres<SharingPostgresDbContext>(SharingDbContext.Prefix, _database.ConnectionString!));
        await db.Database.MigrateAsync(_ct);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 60; i++)
        {
            Add(db, Resource, $"P{i:D3}", "idNumber", $"ID{i:D3}", now);
        }

        Add(db, Resource, "TWIN-A", "idNumber", "TWIN", now);
        Add(db, Resource, "TWIN-B", "idNumber", "TWIN", now);
        Add(db, OtherResource, "ELSEWHERE", "idNumber", "ID000", now);
        await db.SaveChangesAsync(_ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Lookups_read_at_the_same_time_each_get_their_own_records_and_no_others()
    {
        Assert.SkipUnless(TestDatabase.UsePostgres, "SQLite reads each lookup on its own (RecordReader).");
        using var batches = new PostgresRecordBatches(_settings);

        var reads = Enumerable.Range(0, 60).Select(i => batches.ReadAsync(Resource, "idNumber", $"ID{i:D3}", 10, _ct)).ToList();
        var missing = batches.ReadAsync(Resource, "idNumber", "NOBODY", 10, _ct);
        var wrongField = batches.ReadAsync(Resource, "creditCode", "ID001", 10, _ct);
        var twins = batches.ReadAsync(Resource, "idNumber", "TWIN", 10, _ct);
        var oneTwin = batches.ReadAsync(Resource, "idNumber", "TWIN", 1, _ct);

        for (var i = 0; i < reads.Count; i++)
        {
            (await reads[i]).Select(KeyOf).ShouldBe([$"P{i:D3}"]);
        }

        (await missing).ShouldBeEmpty();
        (await wrongField).ShouldBeEmpty();
        (await twins).Select(KeyOf).Order().ShouldBe(["TWIN-A", "TWIN-B"]);
        (await oneTwin).Count.ShouldBe(1, "each lookup keeps its own limit");
    }

    [Fact]
    public async Task When_the_connection_dies_the_lookups_of_that_batch_fail_and_the_next_lookup_reads_again()
    {
        Assert.SkipUnless(TestDatabase.UsePostgres, "SQLite reads each lookup on its own (RecordReader).");
        using var batches = new PostgresRecordBatches(_settings);
        (await batches.ReadAsync(Resource, "idNumber", "ID001", 10, _ct)).Count.ShouldBe(1);

        await using (var admin = new NpgsqlConnection(_database!.ConnectionString))
        {
            await admin.OpenAsync(_ct);
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%WITH ORDINALITY%'", admin);
            ((long)(await kill.ExecuteScalarAsync(_ct))!).ShouldBe(1);
        }

        await Should.ThrowAsync<Exception>(() => batches.ReadAsync(Resource, "idNumber", "ID002", 10, _ct));
        (await batches.ReadAsync(Resource, "idNumber", "ID003", 10, _ct)).Select(KeyOf).ShouldBe(["P003"]);
    }

    [Fact]
    public async Task Direct_connections_run_on_generic_plans_and_the_platforms_other_connections_keep_the_default()
    {
        Assert.SkipUnless(TestDatabase.UsePostgres, "A PostgreSQL setting.");
        await using (var direct = await _settings.OpenDirectAsync(_ct))
        {
            (await direct.ScalarAsync(null, "SHOW plan_cache_mode", _ct)).ShouldBe("force_generic_plan");
        }

        await using var pooled = new NpgsqlConnection(_settings.ConnectionString);
        await pooled.OpenAsync(_ct);
        (await pooled.ScalarAsync(null, "SHOW plan_cache_mode", _ct)).ShouldBe("auto");
    }

    private static void Add(SharingDbContext db, Guid resource, string key, string field, string value, DateTimeOffset now)
    {
        var record = DataRecord.Create(Guid.CreateVersion7(), resource, key, new Dictionary<string, string?> { ["key"] = key, [field] = value }, now);
        db.Records.Add(record);
        db.RecordKeys.Add(new RecordKeyEntry { ResourceId = resource, Field = field, Value = value, RecordId = record.Id });
    }

    private static string KeyOf(string values) => JsonColumns.Read<Dictionary<string, string?>>(values)["key"]!;
}

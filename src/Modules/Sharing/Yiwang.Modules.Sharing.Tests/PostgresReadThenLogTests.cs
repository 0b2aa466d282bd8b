using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;
using Xunit;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Evidence;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;
using Yiwang.TestKit;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>
/// On PostgreSQL the evidence writer reads the records of the lookups in its batch in the round trip that locks the
/// chain head, and each lookup makes its entry of its own records before the batch is logged.
/// </summary>
public sealed class PostgresReadThenLogTests : IAsyncLifetime
{
    private static readonly Guid Resource = Guid.Parse("0192f000-0000-7000-8000-000000000001");
    private static readonly Guid Grant = Guid.Parse("0192f000-0000-7000-8000-0000000000aa");
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
        await using (var evidence = EvidenceContext())
        {
            await evidence.Database.MigrateAsync(_ct);
        }

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
    public async Task Lookups_in_one_batch_each_make_their_entry_of_their_own_records_and_the_chain_holds()
    {
        Assert.SkipUnless(TestDatabase.UsePostgres, "SQLite reads each lookup on its own (RecordReader).");
        await using var writer = new EvidenceWriter(_settings);
        var seen = new Dictionary<string, List<string>>();
        LogSlot Lookup(string name, string field, string value, int take) =>
            new(null, new ReadThenLog(Resource, field, value, take, Grant, found =>
            {
                seen[name] = found.Select(KeyOf).ToList();
                return Entry(name, found.Count);
            }));

        List<LogSlot> batch = [.. Enumerable.Range(0, 60).Select(i => Lookup($"L{i}", "idNumber", $"ID{i:D3}", 10))];
        batch.Insert(30, new LogSlot(Entry("refusal", 0) with { Outcome = "sharing.no_grant" }, null));
        batch.Add(Lookup("missing", "idNumber", "NOBODY", 10));
        batch.Add(Lookup("wrong field", "creditCode", "ID001", 10));
        batch.Add(Lookup("twins", "idNumber", "TWIN", 10));
        batch.Add(Lookup("one twin", "idNumber", "TWIN", 1));

        var appended = await writer.WriteAsync(batch, DateTime.UtcNow, _ct);

        for (var i = 0; i < 60; i++)
        {
            seen[$"L{i}"].ShouldBe([$"P{i:D3}"]);
        }

        seen["missing"].ShouldBeEmpty();
        seen["wrong field"].ShouldBeEmpty();
        seen["twins"].Order().ShouldBe(["TWIN-A", "TWIN-B"]);
        seen["one twin"].Count.ShouldBe(1, "each lookup keeps its own limit");
        appended.Select(a => a.Seq).ShouldBe(Enumerable.Range(1, batch.Count).Select(i => (long)i), "entries land in the order they were queued");

        var logged = await LogAsync();
        logged.Select(r => r.ResourceCode).ShouldBe(batch.Select(s => s.Entry?.ResourceCode ?? "R"));
        logged[30].Outcome.ShouldBe("sharing.no_grant");
        logged[^2].ResultCount.ShouldBe(2, "the twins' entry counts the records it was given");
        var previous = EvidenceChain.Genesis;
        foreach (var record in logged)
        {
            record.Hash.ShouldBe(EvidenceChain.Hash(previous, record), $"record {record.Seq} is chained to the one before");
            previous = record.Hash;
        }
    }

    [Fact]
    public async Task A_lookup_read_with_the_log_counts_against_the_calls_its_grant_made_in_earlier_batches()
    {
        Assert.SkipUnless(TestDatabase.UsePostgres, "SQLite reads each lookup on its own (RecordReader).");
        await using var writer = new EvidenceWriter(_settings);
        LogSlot Lookup(string id) => new(null, new ReadThenLog(Resource, "idNumber", id, 10, Grant, found => Entry("x", found.Count) with { Quota = 2 }));

        (await writer.WriteAsync([Lookup("ID001")], DateTime.UtcNow, _ct)).Single().WithinQuota.ShouldBeTrue();
        var second = await writer.WriteAsync([Lookup("ID002"), Lookup("ID003")], DateTime.UtcNow, _ct);

        second.Select(a => a.WithinQuota).ShouldBe([true, false], "the first batch's call was counted before the second batch's lookups");
        (await LogAsync()).Last().Outcome.ShouldBe("sharing.quota_exceeded");
    }

    [Fact]
    public async Task When_the_writers_connection_dies_that_batch_fails_and_the_next_one_reads_and_logs_again()
    {
        Assert.SkipUnless(TestDatabase.UsePostgres, "SQLite reads each lookup on its own (RecordReader).");
        await using var writer = new EvidenceWriter(_settings);
        var keys = new List<string>();
        LogSlot Lookup(string id) => new(null, new ReadThenLog(Resource, "idNumber", id, 10, Grant, found =>
        {
            keys.AddRange(found.Select(KeyOf));
            return Entry("x", found.Count);
        }));
        await writer.WriteAsync([Lookup("ID001")], DateTime.UtcNow, _ct);

        NpgsqlConnection.ClearAllPools(); // closes the set-up's idle connections, so that the writer's is the only other one
        await using (var admin = new NpgsqlConnection(_database!.ConnectionString))
        {
            await admin.OpenAsync(_ct);
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            ((long)(await kill.ExecuteScalarAsync(_ct))!).ShouldBe(1);
        }

        await Should.ThrowAsync<Exception>(() => writer.WriteAsync([Lookup("ID002")], DateTime.UtcNow, _ct));
        (await writer.WriteAsync([Lookup("ID003")], DateTime.UtcNow, _ct)).Single().Seq.ShouldBe(2, "the failed batch left nothing in the log");
        keys.ShouldBe(["P001", "P003"]);
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

    private static EvidenceEntry Entry(string purpose, int count) =>
        new("wh-mz-marriage", "WH-MZ", "GA-SCJG", "R", "key", purpose, "C-1", [], "ok", count, Grant, 0);

    private async Task<List<EvidenceRecord>> LogAsync()
    {
        await using var evidence = EvidenceContext();
        return await evidence.Evidence.AsNoTracking().OrderBy(r => r.Seq).ToListAsync(_ct);
    }

    private EvidencePostgresDbContext EvidenceContext() =>
        new(ModuleDbContextRegistration.DesignTimePostgres<EvidencePostgresDbContext>(EvidenceDbContext.Prefix, _database!.ConnectionString!));

    private static void Add(SharingDbContext db, Guid resource, string key, string field, string value, DateTimeOffset now)
    {
        var record = DataRecord.Create(Guid.CreateVersion7(), resource, key, new Dictionary<string, string?> { ["key"] = key, [field] = value }, now);
        db.Records.Add(record);
        db.RecordKeys.Add(new RecordKeyEntry { ResourceId = resource, Field = field, Value = value, RecordId = record.Id });
    }

    private static string KeyOf(string values) => JsonColumns.Read<Dictionary<string, string?>>(values)["key"]!;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Sharing.Evidence;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>An evidence log kept in the main SQLite file, as before the log had a store of its own, moves at start-up.</summary>
public sealed class EvidenceStoreUpgradeTests(SharingApp app) : IClassFixture<SharingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_old_log_in_the_main_file_moves_to_the_evidence_store_whole_and_still_verifies()
    {
        Assert.SkipWhen(Yiwang.TestKit.TestDatabase.UsePostgres, "On PostgreSQL the log stays in the same database.");
        await using var scope = app.Services.CreateAsyncScope();
        var main = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        var evidence = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        (await evidence.Evidence.AnyAsync(_ct)).ShouldBeFalse("this class's app has made no calls");

        // The tables as the main file had them, with two chained records, their head and one person in the index.
        var records = ChainedRecords.Make(2, SharingApp.Register);
        var hash = records[^1].Hash;

#pragma warning disable EF1002 // test-only statements built from the values above
        await main.Database.ExecuteSqlRawAsync("""
            CREATE TABLE sharing_evidence (seq INTEGER NOT NULL CONSTRAINT pk_sharing_evidence PRIMARY KEY, at_utc TEXT NOT NULL, client_id TEXT NOT NULL,
                consumer_department_code TEXT NOT NULL, provider_department_code TEXT NOT NULL, resource_code TEXT NOT NULL, items TEXT NOT NULL,
                purpose TEXT NOT NULL, case_ref TEXT NULL, subjects TEXT NOT NULL, outcome TEXT NOT NULL, result_count INTEGER NOT NULL, hash TEXT NOT NULL);
            CREATE TABLE sharing_evidence_subject (digest TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (digest, seq)) WITHOUT ROWID;
            CREATE TABLE sharing_checkpoint (seq INTEGER NOT NULL PRIMARY KEY, hash TEXT NOT NULL, at_utc TEXT NOT NULL, kid TEXT NOT NULL, alg TEXT NOT NULL, signature TEXT NOT NULL);
            CREATE TABLE sharing_usage (grant_id TEXT NOT NULL, day TEXT NOT NULL, calls INTEGER NOT NULL, PRIMARY KEY (grant_id, day));
            CREATE TABLE sharing_chain_head (id INTEGER NOT NULL PRIMARY KEY, last_seq INTEGER NOT NULL, last_hash TEXT NOT NULL);
            INSERT INTO sharing_evidence_subject VALUES ('00ff', 2);
            """, _ct);
        foreach (var r in records)
        {
            await main.Database.ExecuteSqlRawAsync(
                "INSERT INTO sharing_evidence VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, NULL, {8}, {9}, {10}, {11})",
                [r.Seq, r.AtUtc, r.ClientId, r.ConsumerDepartmentCode, r.ProviderDepartmentCode, r.ResourceCode, r.Items, r.Purpose, r.Subjects, r.Outcome, r.ResultCount, r.Hash], _ct);
        }

        await main.Database.ExecuteSqlRawAsync("INSERT INTO sharing_chain_head VALUES (1, 2, {0})", [hash], _ct);
#pragma warning restore EF1002

        var upgrade = app.Services.GetServices<IModuleInitializer>().OfType<EvidenceStoreUpgrade>().Single();
        await upgrade.InitializeAsync(_ct);
        await upgrade.InitializeAsync(_ct); // a second start finds nothing left to move

        (await evidence.Evidence.OrderBy(r => r.Seq).Select(r => r.Hash).ToListAsync(_ct)).ShouldBe(records.Select(r => r.Hash));
        (await evidence.Heads.SingleAsync(_ct)).LastHash.ShouldBe(hash);
        (await evidence.SubjectMarks.SingleAsync(_ct)).IndexedSeq.ShouldBe(2);
        (await evidence.EvidenceSubjects.SingleAsync(_ct)).Seq.ShouldBe(2);
        (await scope.ServiceProvider.GetRequiredService<EvidenceVerifier>().VerifyAsync(_ct)).Intact.ShouldBeTrue();
        (await main.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name IN ('sharing_evidence', 'sharing_chain_head')").SingleAsync(_ct))
            .ShouldBe(0, "the old tables are gone from the main file");
    }
}

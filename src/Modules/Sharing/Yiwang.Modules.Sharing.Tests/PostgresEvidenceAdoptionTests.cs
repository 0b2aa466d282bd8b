using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Shouldly;
using Xunit;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Evidence;
using Yiwang.Modules.Sharing.Persistence;
using Yiwang.TestKit;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>
/// A PostgreSQL database from before the evidence log had a context of its own: the log's tables were made by the
/// module's first migration, and the evidence store's first migration adopts them as they are.
/// </summary>
public sealed class PostgresEvidenceAdoptionTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_old_database_keeps_its_log_and_the_writer_goes_on_with_the_same_chain()
    {
        Assert.SkipUnless(TestDatabase.UsePostgres, "On SQLite the old log moves to a file of its own (EvidenceStoreUpgradeTests).");
        await using var database = await TestDatabase.CreateAsync();
        var records = ChainedRecords.Make(2, "R1");
        await using (var old = new SharingPostgresDbContext(Options<SharingPostgresDbContext>(database, SharingDbContext.Prefix)))
        {
            await old.GetService<IMigrator>().MigrateAsync("20261130053733_Initial", cancellationToken: _ct);
            foreach (var r in records)
            {
#pragma warning disable EF1002 // the column list is a constant; the values are parameters
                await old.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO sharing_evidence ({EvidenceWriter.Columns}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}, {{7}}, NULL, {{8}}, {{9}}, {{10}}, {{11}})",
                    [r.Seq, r.AtUtc, r.ClientId, r.ConsumerDepartmentCode, r.ProviderDepartmentCode, r.ResourceCode, r.Items, r.Purpose, r.Subjects, r.Outcome, r.ResultCount, r.Hash], _ct);
#pragma warning restore EF1002
            }

            await old.Database.ExecuteSqlAsync($"UPDATE sharing_chain_head SET last_seq = 2, last_hash = {records[^1].Hash} WHERE id = 1", _ct);
            await old.Database.ExecuteSqlAsync($"INSERT INTO sharing_evidence_subject (digest, seq) VALUES ('00ff', 2)", _ct);
        }

        await using (var sharing = new SharingPostgresDbContext(Options<SharingPostgresDbContext>(database, SharingDbContext.Prefix)))
        {
            await sharing.Database.MigrateAsync(_ct);
        }

        await using var evidence = new EvidencePostgresDbContext(Options<EvidencePostgresDbContext>(database, EvidenceDbContext.Prefix));
        await evidence.Database.MigrateAsync(_ct);

        (await evidence.Evidence.OrderBy(r => r.Seq).Select(r => r.Hash).ToListAsync(_ct)).ShouldBe(records.Select(r => r.Hash));
        (await evidence.Heads.SingleAsync(_ct)).LastSeq.ShouldBe(2);
        (await evidence.SubjectMarks.SingleAsync(_ct)).IndexedSeq.ShouldBe(2, "the old index was written with every record");
        (await evidence.EvidenceSubjects.SingleAsync(_ct)).Seq.ShouldBe(2);

        await using (var writer = new EvidenceWriter(DatabaseSettings.Resolve(database.ConnectionString, database.DataDirectory)))
        {
            var appended = await writer.WriteAsync([new EvidenceEntry("wh-mz-marriage", "WH-MZ", "GA-SCJG", "R1", "name", "核验", null, [], "ok", 1)], DateTime.UtcNow, _ct);
            appended.Single().Seq.ShouldBe(3);
        }

        var chain = await evidence.Evidence.AsNoTracking().OrderBy(r => r.Seq).ToListAsync(_ct);
        var previous = EvidenceChain.Genesis;
        foreach (var record in chain)
        {
            record.Hash.ShouldBe(EvidenceChain.Hash(previous, record), $"record {record.Seq} is chained to the one before");
            previous = record.Hash;
        }
    }

    private static DbContextOptions<T> Options<T>(TestDatabase database, string prefix) where T : DbContext =>
        ModuleDbContextRegistration.DesignTimePostgres<T>(prefix, database.ConnectionString!);
}

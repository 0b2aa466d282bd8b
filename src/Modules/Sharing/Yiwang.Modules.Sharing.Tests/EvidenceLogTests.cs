using Yiwang.Modules.Sharing.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Sharing.Evidence;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>The evidence log: hash chain, signed checkpoints, the verifier and the command that runs it.</summary>
public sealed class EvidenceLogTests(SharingApp app) : IClassFixture<SharingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<long> CallsAsync(int count)
    {
        await app.RequestAsync(SharingApp.Directory, ["creditCode", "name"]);
        long last = 0;
        var calls = Enumerable.Range(0, count).Select(i => app.QueryAsync(SharingApp.Directory, new { filters = new { creditCode = $"91511602MA62ABCD{i % 10}G" }, purpose = "核验" }));
        foreach (var response in await Task.WhenAll(calls))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            last = Math.Max(last, (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("evidenceSeq").GetInt64());
        }

        return last;
    }

    private async Task<VerificationReport> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvidenceVerifier>().VerifyAsync(_ct);
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
#pragma warning disable EF1002 // test-only statements with no input
        await scope.ServiceProvider.GetRequiredService<EvidenceDbContext>().Database.ExecuteSqlRawAsync(sql, _ct);
#pragma warning restore EF1002
    }

    [Theory]
    [InlineData("sharing_record")]
    [InlineData("sharing_record_key")]
    [InlineData("sharing_evidence_subject")]
    public async Task On_sqlite_the_records_their_keys_and_the_subject_index_are_stored_in_key_order(string table)
    {
        Assert.SkipWhen(Yiwang.TestKit.TestDatabase.UsePostgres, "PostgreSQL tables have no rowid.");
        await using var scope = app.Services.CreateAsyncScope();
        // The subject index lives in the evidence log's own store, the records in the module's.
        DbContext db = table.StartsWith("sharing_evidence", StringComparison.Ordinal)
            ? scope.ServiceProvider.GetRequiredService<EvidenceDbContext>()
            : scope.ServiceProvider.GetRequiredService<SharingDbContext>();

        var ddl = await db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}").SingleAsync(_ct);

        ddl.ShouldEndWith("WITHOUT ROWID");
    }

    [Fact]
    public async Task On_sqlite_the_first_sync_after_the_writer_opens_its_connection_also_makes_the_log_s_name_durable()
    {
        Assert.SkipWhen(Yiwang.TestKit.TestDatabase.UsePostgres, "PostgreSQL makes its own commits durable.");

        await CallsAsync(3);

        Yiwang.Kernel.Persistence.SqliteLogSync.DirectorySyncs.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_operator_sees_records_committed_and_how_long_commits_take_in_the_metrics()
    {
        await CallsAsync(5);

        var metrics = await app.Client().GetStringAsync("/metrics", _ct);

        var committed = metrics.Split('\n').Single(line => line.StartsWith("yiwang_sharing_evidence_records_total", StringComparison.Ordinal));
        var value = committed[(committed.IndexOf('}') + 2)..].Split(' ')[0]; // name{labels} value [timestamp]
        double.Parse(value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(5);
        metrics.ShouldContain("yiwang_sharing_evidence_commit_duration_seconds_bucket");
        metrics.ShouldContain("yiwang_sharing_evidence_batch_size_bucket");
    }

    [Fact]
    public async Task Concurrent_calls_get_consecutive_numbers_and_the_chain_verifies_with_a_signed_checkpoint()
    {
        var last = await CallsAsync(40);
        var checkpoint = await app.AdminClient().PostAsync("/api/v1/sharing/evidence/checkpoint", null, _ct);
        checkpoint.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await checkpoint.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("seq").GetInt64().ShouldBeGreaterThanOrEqualTo(last);

        var report = await app.AdminClient().GetFromJsonAsync<JsonElement>("/api/v1/sharing/evidence/verify", _ct);
        report.GetProperty("intact").GetBoolean().ShouldBeTrue(report.ToString());
        report.GetProperty("records").GetInt64().ShouldBeGreaterThanOrEqualTo(40);
        (await AuditCommands.VerifyAsync(app.Services, [], _ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_changed_record_is_found_by_the_verifier_and_the_command_fails()
    {
        var last = await CallsAsync(3);
        await SqlAsync($"UPDATE sharing_evidence SET purpose = '别的用途' WHERE seq = {last - 1}");
        try
        {
            var report = await VerifyAsync();
            report.Intact.ShouldBeFalse();
            report.BrokenAt.ShouldBe(last - 1);
            (await AuditCommands.VerifyAsync(app.Services, [], _ct)).ShouldBe(1);
        }
        finally
        {
            await SqlAsync($"UPDATE sharing_evidence SET purpose = '核验' WHERE seq = {last - 1}");
        }

        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_removed_record_is_found_by_the_verifier()
    {
        var last = await CallsAsync(3);
        await SqlAsync($"UPDATE sharing_evidence SET seq = -seq WHERE seq = {last - 1}");
        try
        {
            var report = await VerifyAsync();
            report.Intact.ShouldBeFalse();
            report.BrokenAt.ShouldBe(last - 1);
        }
        finally
        {
            await SqlAsync($"UPDATE sharing_evidence SET seq = -seq WHERE seq = {-(last - 1)}");
        }
    }

    [Fact]
    public async Task Two_swapped_records_are_found_by_the_verifier()
    {
        var last = await CallsAsync(3);
        // Swap the contents of two neighbours by swapping their sequence numbers (through a free number).
        await SqlAsync($"UPDATE sharing_evidence SET seq = -1 WHERE seq = {last}");
        await SqlAsync($"UPDATE sharing_evidence SET seq = {last} WHERE seq = {last - 1}");
        await SqlAsync($"UPDATE sharing_evidence SET seq = {last - 1} WHERE seq = -1");
        try
        {
            var report = await VerifyAsync();
            report.Intact.ShouldBeFalse();
            report.BrokenAt.ShouldBe(last - 1);
        }
        finally
        {
            await SqlAsync($"UPDATE sharing_evidence SET seq = -1 WHERE seq = {last}");
            await SqlAsync($"UPDATE sharing_evidence SET seq = {last} WHERE seq = {last - 1}");
            await SqlAsync($"UPDATE sharing_evidence SET seq = {last - 1} WHERE seq = -1");
        }
    }

    [Fact]
    public async Task A_rewritten_chain_does_not_match_its_signed_checkpoint()
    {
        var last = await CallsAsync(2);
        (await app.AdminClient().PostAsync("/api/v1/sharing/evidence/checkpoint", null, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        var records = await db.Evidence.OrderBy(r => r.Seq).ToListAsync(_ct);
        var original = records.Select(r => (r.Seq, r.Purpose, r.Hash)).ToList();
        var head = await db.Heads.SingleAsync(_ct);
        var originalHead = (head.LastSeq, head.LastHash);

        // Someone with write access changes a record and recomputes every hash after it, and the head.
        records.Single(r => r.Seq == last).Purpose = "改写";
        var hash = EvidenceChain.Genesis;
        foreach (var r in records)
        {
            r.Hash = hash = EvidenceChain.Hash(hash, r);
        }

        head.LastHash = hash;
        await db.SaveChangesAsync(_ct);
        try
        {
            var report = await VerifyAsync();
            report.Intact.ShouldBeFalse();
            report.Problem!.ShouldContain("checkpoint");
        }
        finally
        {
            foreach (var r in records)
            {
                var o = original.Single(x => x.Seq == r.Seq);
                r.Purpose = o.Purpose;
                r.Hash = o.Hash;
            }

            head.LastHash = originalHead.LastHash;
            await db.SaveChangesAsync(_ct);
        }

        (await VerifyAsync()).Intact.ShouldBeTrue();
    }
}

/// <summary>When the evidence log cannot be written, the hub serves nothing.</summary>
public sealed class FailClosedTests(SharingApp app) : IClassFixture<SharingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lookup_is_refused_with_503_when_its_evidence_cannot_be_written()
    {
        await app.RequestAsync(SharingApp.Directory, ["creditCode", "name"]);
        var query = new { filters = new { creditCode = "91511602MA62ABCD1G" }, purpose = "核验" };
        (await app.QueryAsync(SharingApp.Directory, query)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvidenceDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE sharing_evidence RENAME TO sharing_evidence_gone", _ct);
        }

        try
        {
            var refused = await app.QueryAsync(SharingApp.Directory, query);
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await refused.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("code").GetString().ShouldBe("sharing.evidence_unavailable");
            (await refused.Content.ReadAsStringAsync(_ct)).ShouldNotContain("广安");
        }
        finally
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EvidenceDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE sharing_evidence_gone RENAME TO sharing_evidence", _ct);
        }

        (await app.QueryAsync(SharingApp.Directory, query)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

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

/// <summary>The subject index written behind the evidence log, and the data-use view that reads it and the log's tail.</summary>
public sealed class SubjectIndexTests(SharingApp app) : IClassFixture<SharingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<int> UsesSeenByCitizenAsync() =>
        (await (await app.AsAsync(SharingApp.Citizen)).GetFromJsonAsync<JsonElement>("/api/v1/sharing/my-data-use", _ct)).GetArrayLength();

    private async Task<(long Mark, int Rows)> IndexAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        return (await db.SubjectMarks.Select(m => m.IndexedSeq).SingleAsync(_ct), await db.EvidenceSubjects.CountAsync(_ct));
    }

    private async Task<long> LookUpTheCitizenAsync()
    {
        var response = await app.QueryAsync(SharingApp.Register,
            new { filters = new { operatorIdNumber = SharingApp.Citizen }, purpose = "婚姻登记核验", caseRef = "510107-20261130-0002" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("evidenceSeq").GetInt64();
    }

    [Fact]
    public async Task A_use_shows_at_once_and_the_index_catches_up_with_it_once_without_doubling()
    {
        var request = await app.RequestAsync(SharingApp.Register, ["creditCode", "operatorName", "operatorIdNumber"]);
        var decided = await (await app.AsAsync("GA-DATA")).PostAsJsonAsync($"/api/v1/sharing/requests/{request.GetProperty("id").GetGuid()}/decision",
            new { approve = true, revision = request.GetProperty("revision").GetInt32() }, _ct);
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync(_ct));
        var indexer = app.Services.GetRequiredService<SubjectIndexer>();
        await indexer.IndexBatchAsync(_ct);
        var before = await UsesSeenByCitizenAsync();
        var (_, rowsBefore) = await IndexAsync();

        var seq = await LookUpTheCitizenAsync();

        (await UsesSeenByCitizenAsync()).ShouldBe(before + 1, "the view reads the log after the mark");
        (await indexer.IndexBatchAsync(_ct)).ShouldBeGreaterThan(0);
        var (mark, rows) = await IndexAsync();
        mark.ShouldBeGreaterThanOrEqualTo(seq);
        rows.ShouldBe(rowsBefore + 1);
        (await UsesSeenByCitizenAsync()).ShouldBe(before + 1, "the use is read from the index now, and only once");

        (await indexer.IndexBatchAsync(_ct)).ShouldBe(0, "nothing is left after the mark");
        (await IndexAsync()).ShouldBe((mark, rows));
    }

    [Fact]
    public async Task A_refused_call_leaves_no_one_in_the_index()
    {
        var indexer = app.Services.GetRequiredService<SubjectIndexer>();
        await indexer.IndexBatchAsync(_ct);
        var (_, rowsBefore) = await IndexAsync();

        var refused = await app.QueryAsync(SharingApp.Register, new { filters = new { operatorIdNumber = SharingApp.Citizen }, purpose = "婚姻登记核验" });
        refused.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        await indexer.IndexBatchAsync(_ct);

        (await IndexAsync()).Rows.ShouldBe(rowsBefore);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Catalog.Persistence;
using Yiwang.Modules.Catalog.Tests.Builders;
using Yiwang.TestKit;

namespace Yiwang.Modules.Catalog.Tests.Features;

public sealed class ItemLifecycleTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<int> RevisionAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Items.SingleAsync(i => i.Code == code, _ct)).Revision;
    }

    [Fact]
    public async Task A_new_item_is_invisible_until_published_then_readable_with_its_guide()
    {
        var admin = app.AdminClient();
        var created = await admin.PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-LIFE-1"), _ct);
        var beforePublish = await app.Client().GetAsync("/api/v1/catalog/items/T-LIFE-1", _ct);

        var published = await admin.PostAsJsonAsync("/api/v1/catalog/items/T-LIFE-1/publish", new { revision = await RevisionAsync("T-LIFE-1") }, _ct);
        var guide = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items/T-LIFE-1", _ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        await beforePublish.ShouldBeProblemAsync(HttpStatusCode.NotFound, "catalog.item_not_found");
        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        guide.GetProperty("version").GetInt32().ShouldBe(1);
        guide.GetProperty("departmentName").GetString().ShouldBe("广安区市场监督管理局");
        guide.GetProperty("guide").GetProperty("materials").GetArrayLength().ShouldBe(2);
        guide.GetProperty("guide").GetProperty("promisedLimitDays").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Publishing_a_second_version_keeps_the_first_readable()
    {
        var admin = app.AdminClient();
        await admin.PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-VER-1", AnItem.Guide("旧名称登记")), _ct);
        await admin.PostAsJsonAsync("/api/v1/catalog/items/T-VER-1/publish", new { revision = await RevisionAsync("T-VER-1") }, _ct);

        var draft = await admin.PutAsJsonAsync("/api/v1/catalog/items/T-VER-1/draft", new { guide = AnItem.Guide("新名称登记", promised: 3), revision = await RevisionAsync("T-VER-1") }, _ct);
        var stillOld = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items/T-VER-1", _ct);
        await admin.PostAsJsonAsync("/api/v1/catalog/items/T-VER-1/publish", new { revision = await RevisionAsync("T-VER-1") }, _ct);
        var current = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items/T-VER-1", _ct);
        var first = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items/T-VER-1?version=1", _ct);
        var versions = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items/T-VER-1/versions", _ct);
        var search = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items?q=" + Uri.EscapeDataString("新名称登记"), _ct);

        draft.StatusCode.ShouldBe(HttpStatusCode.OK);
        stillOld.GetProperty("guide").GetProperty("name").GetString().ShouldBe("旧名称登记");
        current.GetProperty("version").GetInt32().ShouldBe(2);
        current.GetProperty("guide").GetProperty("name").GetString().ShouldBe("新名称登记");
        first.GetProperty("state").GetString().ShouldBe("Superseded");
        first.GetProperty("guide").GetProperty("name").GetString().ShouldBe("旧名称登记");
        versions.GetArrayLength().ShouldBe(2);
        search.GetProperty("items")[0].GetProperty("code").GetString().ShouldBe("T-VER-1");
    }

    [Fact]
    public async Task Publishing_is_audited_with_who_and_what()
    {
        var admin = app.AdminClient();
        await admin.PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-AUD-1"), _ct);
        await admin.PostAsJsonAsync("/api/v1/catalog/items/T-AUD-1/publish", new { revision = await RevisionAsync("T-AUD-1") }, _ct);

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Audit.Where(a => a.Subject == "T-AUD-1").OrderBy(a => a.AtUtc).ToListAsync(_ct);

        audit.Select(a => a.Action).ShouldBe(["catalog.item_created", "catalog.item_published"]);
        audit.ShouldAllBe(a => a.ActorId == "operator");
    }

    [Fact]
    public async Task Two_publishes_of_the_same_draft_cannot_both_win()
    {
        var admin = app.AdminClient();
        await admin.PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-RACE-1"), _ct);
        var revision = await RevisionAsync("T-RACE-1");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.AdminClient().PostAsJsonAsync("/api/v1/catalog/items/T-RACE-1/publish", new { revision }, _ct)));

        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
    }

    [Fact]
    public async Task A_stale_revision_is_a_conflict()
    {
        var admin = app.AdminClient();
        await admin.PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-STALE-1"), _ct);

        var response = await admin.PostAsJsonAsync("/api/v1/catalog/items/T-STALE-1/publish", new { revision = 99 }, _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "concurrency.conflict");
    }

    [Fact]
    public async Task Publishing_without_a_draft_is_a_conflict()
    {
        var admin = app.AdminClient();
        await admin.PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-NODRAFT-1"), _ct);
        await admin.PostAsJsonAsync("/api/v1/catalog/items/T-NODRAFT-1/publish", new { revision = await RevisionAsync("T-NODRAFT-1") }, _ct);

        var again = await admin.PostAsJsonAsync("/api/v1/catalog/items/T-NODRAFT-1/publish", new { revision = await RevisionAsync("T-NODRAFT-1") }, _ct);

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "catalog.nothing_to_publish");
    }

    [Theory]
    [InlineData("bad code!", "511602", "GA-SCJG", HttpStatusCode.BadRequest, "catalog.invalid_item_code")]
    [InlineData("T-BAD-2", "990000", "GA-SCJG", HttpStatusCode.UnprocessableEntity, "catalog.unknown_region")]
    [InlineData("T-BAD-3", "511602", "NO-SUCH-DEPT", HttpStatusCode.UnprocessableEntity, "catalog.unknown_department")]
    [InlineData("T-BAD-4", "51x", "GA-SCJG", HttpStatusCode.BadRequest, "catalog.invalid_region_code")]
    [InlineData("511602-SCJG-001", "511602", "GA-SCJG", HttpStatusCode.Conflict, "catalog.duplicate_item")]
    public async Task Bad_placements_and_codes_are_refused_with_stable_codes(string code, string region, string department, HttpStatusCode status, string problem)
    {
        var response = await app.AdminClient().PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create(code, region: region, department: department), _ct);

        await response.ShouldBeProblemAsync(status, problem);
    }

    [Fact]
    public async Task A_guide_that_breaks_rules_lists_every_broken_field()
    {
        var guide = AnItem.Guide(name: "", promised: 30, statutory: 20, type: "77");

        var response = await app.AdminClient().PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-BADGUIDE-1", guide), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "catalog.invalid_guide");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var fields = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        fields.ShouldContain("name");
        fields.ShouldContain("typeCode");
        fields.ShouldContain("promisedLimitDays");
    }

    [Fact]
    public async Task Null_and_missing_parts_of_a_request_never_cause_a_500()
    {
        // Lists sent as null are read as empty (T-NULL-3 is a valid, if thin, item); everything else is a 4xx.
        var bodies = new object[]
        {
            new { },
            new { code = "T-NULL-1" },
            new { code = "T-NULL-2", kind = "Implementation", regionCode = "511602", departmentCode = "GA-SCJG", guide = new { name = "x", typeCode = "01", materials = new object?[] { null } } },
            new { code = "T-NULL-3", kind = "Implementation", regionCode = "511602", departmentCode = "GA-SCJG", guide = new { name = "x", typeCode = "01", aliases = (string[]?)null, flags = (string[]?)null } },
        };

        foreach (var body in bodies)
        {
            var response = await app.AdminClient().PostAsJsonAsync("/api/v1/catalog/items", body, _ct);
            ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync(_ct));
        }
    }

    [Fact]
    public async Task Changing_the_catalogue_needs_the_operator_token()
    {
        var response = await app.Client().PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-ANON-1"), _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_draft_is_never_served_to_the_public_by_version_number()
    {
        var admin = app.AdminClient();
        await admin.PostAsJsonAsync("/api/v1/catalog/items", AnItem.Create("T-DRAFTV-1"), _ct);
        await admin.PostAsJsonAsync("/api/v1/catalog/items/T-DRAFTV-1/publish", new { revision = await RevisionAsync("T-DRAFTV-1") }, _ct);
        await admin.PutAsJsonAsync("/api/v1/catalog/items/T-DRAFTV-1/draft", new { guide = AnItem.Guide("草稿中的名称"), revision = await RevisionAsync("T-DRAFTV-1") }, _ct);

        var response = await app.Client().GetAsync("/api/v1/catalog/items/T-DRAFTV-1?version=2", _ct);
        var adminDraft = await admin.GetFromJsonAsync<JsonElement>("/api/v1/catalog/items/T-DRAFTV-1/draft", _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "catalog.version_not_found");
        adminDraft.GetProperty("guide").GetProperty("name").GetString().ShouldBe("草稿中的名称");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Catalog.Tests.Features;

public sealed class SearchTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<JsonElement> SearchAsync(string query) =>
        await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items?" + query, _ct);

    private static List<string> Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("name").GetString()!)];

    [Fact]
    public async Task A_two_character_query_finds_household_registration_items()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("户口"));

        Names(page).ShouldContain("户口迁移（市外迁入）");
    }

    [Fact]
    public async Task Marriage_registration_ranks_first_for_marriage()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("结婚"));

        Names(page)[0].ShouldBe("结婚登记");
    }

    [Fact]
    public async Task A_one_character_query_matches()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("税"));

        page.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        Names(page).ShouldAllBe(n => n.Contains('税'));
    }

    [Fact]
    public async Task Matches_are_highlighted_and_html_escaped()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("营业执照"));

        var first = page.GetProperty("items")[0];
        first.GetProperty("nameHighlighted").GetString()!.ShouldContain("<em>营业执照</em>");
    }

    [Fact]
    public async Task A_question_phrased_query_still_finds_the_item()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("营业执照怎么办"));

        page.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Materials_and_aliases_are_searched()
    {
        var byAlias = await SearchAsync("q=" + Uri.EscapeDataString("准生证"));
        var byMaterial = await SearchAsync("q=" + Uri.EscapeDataString("出生医学证明"));

        Names(byAlias).ShouldContain("生育登记");
        Names(byMaterial).ShouldContain("出生登记（新生儿落户）");
    }

    [Fact]
    public async Task The_region_filter_keeps_items_of_that_region_and_its_children()
    {
        var wuhou = await SearchAsync("q=" + Uri.EscapeDataString("结婚登记") + "&region=510107");
        var sichuan = await SearchAsync("q=" + Uri.EscapeDataString("结婚登记") + "&region=51&kind=Implementation");

        wuhou.GetProperty("items").EnumerateArray().ShouldAllBe(h => h.GetProperty("regionCode").GetString() == "510107");
        var regions = sichuan.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("regionCode").GetString()).ToList();
        regions.ShouldContain("510107");
        regions.ShouldContain("511602");
        regions.ShouldAllBe(r => r!.StartsWith("51"));
    }

    [Fact]
    public async Task Type_depth_flag_and_department_filters_combine()
    {
        var page = await SearchAsync("type=01&depth=FullyOnline&flag=high-frequency&dept=GA-SCJG&pageSize=50");

        page.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        foreach (var hit in page.GetProperty("items").EnumerateArray())
        {
            hit.GetProperty("typeCode").GetString().ShouldBe("01");
            hit.GetProperty("onlineDepth").GetString().ShouldBe("FullyOnline");
            hit.GetProperty("departmentCode").GetString().ShouldBe("GA-SCJG");
            hit.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ShouldContain("high-frequency");
        }
    }

    [Fact]
    public async Task The_real_guangan_items_are_searchable_by_department_name()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("教科体局") + "&region=511602");

        page.GetProperty("total").GetInt32().ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Paging_returns_distinct_pages()
    {
        var first = await SearchAsync("region=511602&page=1&pageSize=10");
        var second = await SearchAsync("region=511602&page=2&pageSize=10");

        first.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1135);
        first.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("code").GetString())
            .Intersect(second.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("code").GetString())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("region=51x", "catalog.invalid_region_code")]
    [InlineData("type=99", "catalog.invalid_type_code")]
    [InlineData("depth=Deep", "catalog.invalid_online_depth")]
    [InlineData("depth=3", "catalog.invalid_online_depth")]
    [InlineData("flag=vip", "catalog.invalid_flag")]
    [InlineData("kind=Other", "catalog.invalid_kind")]
    [InlineData("pageSize=0", "paging.invalid_page_size")]
    [InlineData("page=-1", "paging.invalid_page")]
    public async Task Bad_filters_are_400s_with_stable_codes(string query, string code)
    {
        var response = await app.Client().GetAsync("/api/v1/catalog/items?" + query, _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Lucene_syntax_in_a_query_is_treated_as_text()
    {
        var response = await app.Client().GetAsync("/api/v1/catalog/items?q=" + Uri.EscapeDataString("营业*执照\" OR (AND:[) ~"), _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

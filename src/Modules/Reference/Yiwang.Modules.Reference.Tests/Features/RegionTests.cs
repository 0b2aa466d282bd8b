using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Xunit;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.TestKit;

namespace Yiwang.Modules.Reference.Tests.Features;

public sealed class RegionTests(YiwangApp app) : IClassFixture<YiwangApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private sealed record RegionDto(string Code, string Name, string Level, string? ParentCode, string FullName, bool HasChildren);

    [Fact]
    public async Task The_tree_holds_31_provinces_342_cities_and_every_county_level_unit()
    {
        var client = app.Client();
        var provinces = await client.GetFromJsonAsync<List<RegionDto>>("/api/v1/regions", _ct);
        var cities = new List<RegionDto>();
        var counties = 0;
        foreach (var province in provinces!)
        {
            var children = await client.GetFromJsonAsync<List<RegionDto>>($"/api/v1/regions/{province.Code}/children", _ct);
            cities.AddRange(children!);
        }

        foreach (var city in cities)
        {
            counties += (await client.GetFromJsonAsync<List<RegionDto>>($"/api/v1/regions/{city.Code}/children", _ct))!.Count;
        }

        provinces.Count.ShouldBe(31);
        cities.Count.ShouldBe(342);
        // 2,978 county-level units: 2,975 counties and districts plus 东莞, 中山 and 儋州, which are cities without districts.
        (counties + cities.Count(c => !c.HasChildren)).ShouldBe(2978);
    }

    [Fact]
    public async Task A_county_shows_its_full_name_and_parent()
    {
        var region = await app.Client().GetFromJsonAsync<RegionDto>("/api/v1/regions/511602", _ct);

        region!.FullName.ShouldBe("四川省 广安市 广安区");
        region.ParentCode.ShouldBe("511600");
        region.Level.ShouldBe(nameof(RegionLevel.County));
    }

    [Theory]
    [InlineData("51", "510100")]
    [InlineData("5116", "511602")]
    [InlineData("511600000000", "511602")]
    public async Task Short_and_twelve_digit_codes_are_accepted(string code, string expectedChild)
    {
        var children = await app.Client().GetFromJsonAsync<List<RegionDto>>($"/api/v1/regions/{code}/children", _ct);

        children!.Select(c => c.Code).ShouldContain(expectedChild);
    }

    [Fact]
    public async Task A_malformed_code_is_a_400_with_a_stable_code()
    {
        var response = await app.Client().GetAsync("/api/v1/regions/51ab/children", _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reference.invalid_region_code");
    }

    [Fact]
    public async Task An_unknown_code_is_a_404()
    {
        var response = await app.Client().GetAsync("/api/v1/regions/990000", _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "reference.region_not_found");
    }
}

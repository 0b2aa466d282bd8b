using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Hotline.Dispatch;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Dispatch;

/// <summary>The demo platform with its dispatch model in a directory of its own.</summary>
public sealed class HotlineApp : YiwangDemoApp
{
    public string ModelDirectory { get; } = Directory.CreateTempSubdirectory("hotline-model-").FullName;

    protected override string[] ExtraArgs => [$"--Hotline:ModelPath={ModelDirectory}", "--Hotline:AutoDispatchConfidence=0.5"];
}

public sealed class ClassifyTests(HotlineApp app) : IClassFixture<HotlineApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_get_a_ranked_suggestion_once_a_model_is_trained_and_a_clear_refusal_before()
    {
        var agent = await app.AsAsync("WH-CLERK");
        var before = await agent.PostAsJsonAsync("/api/v1/hotline/classify", new { title = "路灯不亮", text = "小区路灯坏了" }, _ct);

        DispatchModel.Train(
        [
            new("小区路灯不亮", "小区门口的路灯坏了一个月", "城乡建设"),
            new("楼道灯坏了", "单元楼道灯长期不亮", "城乡建设"),
            new("公交线路调整", "希望恢复原来的公交线路", "交通运输"),
            new("公交车不按站停靠", "公交车经常不进站停车", "交通运输"),
        ], TimeProvider.System).Save(app.ModelDirectory);
        var after = await agent.PostAsJsonAsync("/api/v1/hotline/classify", new { title = "路灯", text = "路灯坏了很久没人修", regionCode = "510107" }, _ct);
        var suggestion = await after.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var empty = await agent.PostAsJsonAsync("/api/v1/hotline/classify", new { title = " ", text = "" }, _ct);
        var citizen = await (await app.AsAsync("511602199003071232")).PostAsJsonAsync("/api/v1/hotline/classify", new { title = "路灯", text = "x" }, _ct);

        await before.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "hotline.no_model");
        after.StatusCode.ShouldBe(HttpStatusCode.OK, await after.Content.ReadAsStringAsync(_ct));
        suggestion.GetProperty("category").GetString().ShouldBe("城乡建设");
        suggestion.GetProperty("ranked").GetArrayLength().ShouldBe(2);
        suggestion.GetProperty("departmentCode").GetString().ShouldBe("WH-MZ");
        suggestion.GetProperty("automatic").GetBoolean().ShouldBe(suggestion.GetProperty("confidence").GetDouble() >= 0.5);
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_text");
        await citizen.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.staff_only");
    }

    [Fact]
    public async Task The_most_specific_route_names_the_department_and_only_the_administrator_changes_routes()
    {
        var admin = await app.AsAsync("PLATFORM-ADMIN");
        var clerk = await app.AsAsync("WH-CLERK");

        var everywhere = await admin.PutAsJsonAsync("/api/v1/hotline/routes", new { category = "交通运输", departmentCode = "GA-SCJG" }, _ct);
        var city = await admin.PutAsJsonAsync("/api/v1/hotline/routes", new { category = "交通运输", regionCode = "510100", departmentCode = "WH-MZ" }, _ct);
        var unknownDepartment = await admin.PutAsJsonAsync("/api/v1/hotline/routes", new { category = "交通运输", departmentCode = "NOPE" }, _ct);
        var badRegion = await admin.PutAsJsonAsync("/api/v1/hotline/routes", new { category = "交通运输", regionCode = "12", departmentCode = "WH-MZ" }, _ct);
        var byClerk = await clerk.PutAsJsonAsync("/api/v1/hotline/routes", new { category = "交通运输", departmentCode = "WH-MZ" }, _ct);
        var table = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/hotline/routes", _ct);
        using var scope = app.Services.CreateScope();
        var routes = scope.ServiceProvider.GetRequiredService<Yiwang.Modules.Hotline.Routing.RoutingTable>();

        everywhere.StatusCode.ShouldBe(HttpStatusCode.OK, await everywhere.Content.ReadAsStringAsync(_ct));
        city.StatusCode.ShouldBe(HttpStatusCode.OK);
        await unknownDepartment.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_route");
        await badRegion.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_route");
        byClerk.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        table.EnumerateArray().ShouldContain(r => r.GetProperty("category").GetString() == "交通运输" && r.GetProperty("regionCode").GetString() == "510100");
        (await routes.DepartmentForAsync("交通运输", "510107", _ct)).ShouldBe("WH-MZ");
        (await routes.DepartmentForAsync("交通运输", "511602", _ct)).ShouldBe("GA-SCJG");
        (await routes.DepartmentForAsync("环境保护", "511602", _ct)).ShouldBeNull();
    }
}

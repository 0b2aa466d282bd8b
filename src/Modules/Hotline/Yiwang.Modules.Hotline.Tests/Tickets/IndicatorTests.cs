using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

public sealed class IndicatorTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Indicators_count_response_on_time_resolution_satisfaction_and_returns_per_department_and_export_to_Excel()
    {
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var wuhou = await app.AsAsync("WH-CLERK");
        var guangan = await app.AsAsync("GA-CLERK");
        var handled = await (await citizen.PostAsJsonAsync("/api/v1/hotline/tickets", new { kind = "Complaint", title = "路灯坏了", text = "小区路灯坏了很久", regionCode = "510107" }, _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);
        var handledId = handled.GetProperty("id").GetGuid();
        await TicketsApp.StepAsync(wuhou, handledId, "accept", new { }, _ct);
        await TicketsApp.StepAsync(wuhou, handledId, "reply", new { reply = "已修复" }, _ct);
        await TicketsApp.StepAsync(citizen, handledId, "rate", new { level = 5 }, _ct);
        var returned = await (await agent.PostAsJsonAsync("/api/v1/hotline/tickets", new { title = "噪音", text = "夜间施工噪音", regionCode = "511602", callerName = "刘女士" }, _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);
        await TicketsApp.StepAsync(agent, returned.GetProperty("id").GetGuid(), "dispatch", new { category = "环境保护", departmentCode = "GA-SCJG" }, _ct);
        await TicketsApp.StepAsync(guangan, returned.GetProperty("id").GetGuid(), "return", new { reason = "不属本局职责" }, _ct);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var query = $"from={today}&to={today}";

        var supervisor = await app.AsAsync("WH-SUPERVISOR");
        var all = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/indicators?{query}", _ct);
        var own = await guangan.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/indicators?{query}", _ct);
        var byRegion = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/indicators?{query}&by=region", _ct);
        var badPeriod = await supervisor.GetAsync("/api/v1/hotline/indicators?from=2026-12-01&to=2026-11-01", _ct);
        var byCitizen = await citizen.GetAsync($"/api/v1/hotline/indicators?{query}", _ct);
        var workbook = await supervisor.GetAsync($"/api/v1/hotline/indicators.xlsx?{query}", _ct);
        var sheet = MiniExcel.Query(await workbook.Content.ReadAsStreamAsync(_ct), useHeaderRow: true).ToList();

        var wh = all.EnumerateArray().Single(r => r.GetProperty("key").GetString() == "WH-MZ");
        wh.GetProperty("dispatched").GetInt32().ShouldBe(1);
        wh.GetProperty("responseRate").GetDouble().ShouldBe(1);
        wh.GetProperty("onTimeRate").GetDouble().ShouldBe(1);
        wh.GetProperty("resolutionRate").GetDouble().ShouldBe(1);
        wh.GetProperty("satisfactionRate").GetDouble().ShouldBe(1);
        wh.GetProperty("returnRate").GetDouble().ShouldBe(0);
        var ga = all.EnumerateArray().Single(r => r.GetProperty("key").GetString() == "GA-SCJG");
        ga.GetProperty("returnRate").GetDouble().ShouldBe(1);
        own.EnumerateArray().Select(r => r.GetProperty("key").GetString()).ShouldBe(["GA-SCJG"]);
        byRegion.EnumerateArray().Select(r => r.GetProperty("key").GetString()).ShouldBe(["510107", "511602"]);
        await badPeriod.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_period");
        await byCitizen.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.staff_only");
        workbook.StatusCode.ShouldBe(HttpStatusCode.OK);
        sheet.Count.ShouldBe(2);
    }
}

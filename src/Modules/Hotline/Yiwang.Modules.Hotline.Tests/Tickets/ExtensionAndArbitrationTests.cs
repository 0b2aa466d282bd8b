using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>Extension requests (延期申请) and the hotline's ruling on a return (退单仲裁).</summary>
public sealed class ExtensionAndArbitrationTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<Guid> DispatchedToGuanganAsync(HttpClient agent)
    {
        var filed = await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Complaint", title = "商铺占道经营", text = "建设路一家商铺长期占道经营，影响行人通行", regionCode = "511602", callerName = "赵先生", callerPhone = "13800003333" }, _ct);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
        await TicketsApp.StepAsync(agent, id, "dispatch", new { category = "商贸旅游", departmentCode = "GA-SCJG" }, _ct);
        return id;
    }

    [Fact]
    public async Task The_hotline_overrules_a_return_and_the_department_that_returned_it_handles_it_after_all()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var clerk = await app.AsAsync("GA-CLERK");
        var id = await DispatchedToGuanganAsync(agent);
        await (await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/arbitrate", new { reason = "x" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "hotline.illegal_transition");

        var returned = await TicketsApp.StepAsync(clerk, id, "return", new { reason = "占道经营归城管部门管理" }, _ct);
        returned.GetProperty("returnedBy").GetString().ShouldBe("GA-SCJG");
        await (await clerk.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/arbitrate", new { reason = "x" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.ticket_not_found");
        await (await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/arbitrate", new { }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.reason_required");

        var ruled = await TicketsApp.StepAsync(agent, id, "arbitrate", new { reason = "商铺经营属市场监管职责，退单不成立" }, _ct);

        ruled.GetProperty("state").GetString().ShouldBe("Dispatched");
        ruled.GetProperty("departmentCode").GetString().ShouldBe("GA-SCJG");
        ruled.GetProperty("returnedBy").ValueKind.ShouldBe(JsonValueKind.Null);
        ruled.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString().ShouldBe("arbitrate");
    }

    [Fact]
    public async Task A_department_asks_for_more_days_once_at_a_time_and_the_hotline_grants_or_refuses()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var clerk = await app.AsAsync("GA-CLERK");
        var id = await DispatchedToGuanganAsync(agent);
        var accepted = await TicketsApp.StepAsync(clerk, id, "accept", new { }, _ct);
        var due = accepted.GetProperty("handleDueUtc").GetDateTime();

        await (await clerk.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/extend", new { days = 0, reason = "x" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_extension");
        var asked = await TicketsApp.StepAsync(clerk, id, "extend", new { days = 5, reason = "需现场核查并联系商户整改" }, _ct);
        asked.GetProperty("extensionDays").GetInt32().ShouldBe(5);
        await (await clerk.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/extend", new { days = 2, reason = "再延" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "hotline.illegal_transition");
        await (await clerk.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/grant-extension", new { }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.not_agent");

        var granted = await TicketsApp.StepAsync(agent, id, "grant-extension", new { }, _ct);
        granted.GetProperty("handleDueUtc").GetDateTime().ShouldBeGreaterThanOrEqualTo(due.AddDays(5));
        granted.GetProperty("extensions").GetInt32().ShouldBe(1);
        granted.GetProperty("extensionDays").ValueKind.ShouldBe(JsonValueKind.Null);

        await TicketsApp.StepAsync(clerk, id, "extend", new { days = 3, reason = "商户未配合" }, _ct);
        await (await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/refuse-extension", new { }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.reason_required");
        var refused = await TicketsApp.StepAsync(agent, id, "refuse-extension", new { reason = "已延期一次，请按期办结" }, _ct);
        refused.GetProperty("handleDueUtc").GetDateTime().ShouldBe(granted.GetProperty("handleDueUtc").GetDateTime());
        refused.GetProperty("extensions").GetInt32().ShouldBe(1);
    }
}

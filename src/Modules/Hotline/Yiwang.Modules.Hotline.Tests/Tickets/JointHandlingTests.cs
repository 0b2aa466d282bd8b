using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>Joint handling (联办): a lead department and the departments that work with it.</summary>
public sealed class JointHandlingTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_joint_handler_sees_the_ticket_in_its_inbox_adds_its_opinion_and_the_lead_replies()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var filed = await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Complaint", title = "菜市场周边占道与卫生", text = "菜市场周边摊贩占道经营，垃圾无人清理", regionCode = "511602", callerName = "孙先生", callerPhone = "13800005555" }, _ct);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
        await TicketsApp.StepAsync(agent, id, "dispatch", new { category = "商贸旅游", departmentCode = "GA-SCJG" }, _ct);
        var partner = await app.AsAsync("WH-CLERK");
        (await partner.GetAsync($"/api/v1/hotline/tickets/{id}", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var joined = await TicketsApp.StepAsync(agent, id, "join", new { departmentCode = "WH-MZ" }, _ct);
        joined.GetProperty("coHandlers").EnumerateArray().Select(c => c.GetString()).ShouldBe(["WH-MZ"]);
        await (await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/join", new { departmentCode = "WH-MZ" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "hotline.illegal_transition");
        await (await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/join", new { departmentCode = "NOPE" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.unknown_department");

        var inbox = await partner.GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets", _ct);
        inbox.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldContain(id);
        var opinion = await TicketsApp.StepAsync(partner, id, "contribute", new { reason = "涉及困难摊贩的，由民政部门协助安置" }, _ct);
        opinion.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString().ShouldBe("contribute");
        await (await partner.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/reply", new { reply = "x" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.not_holder");

        var lead = await app.AsAsync("GA-CLERK");
        var replied = await TicketsApp.StepAsync(lead, id, "reply", new { reply = "已会同民政部门整治占道经营并安置困难摊贩" }, _ct);
        replied.GetProperty("state").GetString().ShouldBe("Replied");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

public sealed class TicketTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complaint_filed_online_is_dispatched_by_the_model_handled_rated_unsatisfied_reopened_and_closed()
    {
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        var clerk = await app.AsAsync("WH-CLERK");

        var filed = await citizen.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Complaint", title = "小区路灯坏了", text = "我们小区门口的路灯坏了两个星期，晚上很黑，请尽快维修", regionCode = "510107", address = "武侯区某小区" }, _ct);
        var ticket = await filed.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var id = ticket.GetProperty("id").GetGuid();
        var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets", _ct);
        await TicketsApp.StepAsync(clerk, id, "accept", new { }, _ct);
        await TicketsApp.StepAsync(clerk, id, "reply", new { reply = "已安排维修，三日内修复" }, _ct);
        var unsatisfied = await TicketsApp.StepAsync(citizen, id, "rate", new { level = 2, comment = "还没修好" }, _ct);
        await TicketsApp.StepAsync(clerk, id, "reply", new { reply = "已修复，请查看" }, _ct);
        var closed = await TicketsApp.StepAsync(citizen, id, "rate", new { level = 5 }, _ct);

        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(_ct));
        ticket.GetProperty("number").GetString()!.ShouldStartWith("12345-510107-");
        ticket.GetProperty("state").GetString().ShouldBe("Dispatched");
        ticket.GetProperty("departmentCode").GetString().ShouldBe("WH-MZ");
        ticket.GetProperty("category").GetString().ShouldBe("城乡建设");
        var listed = inbox.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        listed.GetProperty("callerName").GetString().ShouldBe("李**");
        unsatisfied.GetProperty("state").GetString().ShouldBe("Dispatched");
        unsatisfied.GetProperty("reopens").GetInt32().ShouldBe(1);
        closed.GetProperty("state").GetString().ShouldBe("Closed");
        closed.GetProperty("satisfaction").GetInt32().ShouldBe(5);
        closed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString())
            .ShouldBe(["registered", "dispatched", "accept", "reply", "reopened", "reply", "rate"]);
    }

    [Fact]
    public async Task An_agent_takes_a_call_dispatches_it_the_department_returns_it_and_the_agent_answers_directly()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var department = await app.AsAsync("GA-CLERK");
        var ticket = await (await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Consultation", title = "噪音扰民", text = "夜间工地施工噪音很大，影响休息", regionCode = "511602", callerName = "刘女士", callerPhone = "13800001234" }, _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);
        var id = ticket.GetProperty("id").GetGuid();

        var dispatched = await TicketsApp.StepAsync(agent, id, "dispatch", new { category = "环境保护", departmentCode = "GA-SCJG" }, _ct);
        var seenByDepartment = await department.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{id}", _ct);
        var returned = await TicketsApp.StepAsync(department, id, "return", new { reason = "施工噪音由住建部门管理，不属本局职责" }, _ct);
        var afterReturn = await department.GetAsync($"/api/v1/hotline/tickets/{id}", _ct);
        var answered = await TicketsApp.StepAsync(agent, id, "reply", new { reply = "已告知夜间施工投诉途径并登记" }, _ct);

        ticket.GetProperty("state").GetString().ShouldBe("Registered");
        ticket.GetProperty("channel").GetString().ShouldBe("Phone");
        ticket.GetProperty("callerPhone").GetString().ShouldBe("13800001234");
        dispatched.GetProperty("state").GetString().ShouldBe("Dispatched");
        dispatched.GetProperty("signDueUtc").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(100));
        seenByDepartment.GetProperty("callerPhone").GetString().ShouldBe("13800001234");
        returned.GetProperty("state").GetString().ShouldBe("Registered");
        returned.GetProperty("returns").GetInt32().ShouldBe(1);
        await afterReturn.ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.ticket_not_found");
        answered.GetProperty("state").GetString().ShouldBe("Replied");
        answered.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString().ShouldBe("直办");
    }

    [Fact]
    public async Task Bad_input_illegal_steps_strangers_and_stale_revisions_get_clear_refusals()
    {
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        var stranger = await app.AsAsync("511602199003071232");
        var clerk = await app.AsAsync("GA-CLERK");
        var ticket = await (await citizen.PostAsJsonAsync("/api/v1/hotline/tickets", new { title = "咨询", text = "如何办理居住证", regionCode = "511602" }, _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);
        var id = ticket.GetProperty("id").GetGuid();

        var noTitle = await citizen.PostAsJsonAsync("/api/v1/hotline/tickets", new { title = "", text = "x", regionCode = "511602" }, _ct);
        var huge = await citizen.PostAsJsonAsync("/api/v1/hotline/tickets", new { title = "x", text = new string('长', 5001), regionCode = "511602" }, _ct);
        var noRegion = await citizen.PostAsJsonAsync("/api/v1/hotline/tickets", new { title = "x", text = "y", regionCode = "999999" }, _ct);
        var byClerk = await clerk.PostAsJsonAsync("/api/v1/hotline/tickets", new { title = "x", text = "y", regionCode = "511602" }, _ct);
        var strangerSees = await stranger.GetAsync($"/api/v1/hotline/tickets/{id}", _ct);
        var strangerRates = await stranger.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/rate", new { level = 5 }, _ct);
        var rateTooEarly = await citizen.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/rate", new { level = 5 }, _ct);
        var citizenDispatches = await citizen.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/dispatch", new { category = "x", departmentCode = "GA-SCJG" }, _ct);
        var unknownStep = await citizen.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/close", new { }, _ct);
        var stale = await citizen.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/rate", new { level = 5, revision = 99 }, _ct);
        var mine = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets", _ct);

        await noTitle.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_ticket");
        await huge.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_ticket");
        await noRegion.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.unknown_region");
        await byClerk.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.not_agent");
        await strangerSees.ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.ticket_not_found");
        await strangerRates.ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.ticket_not_found");
        await rateTooEarly.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hotline.illegal_transition");
        await citizenDispatches.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.not_agent");
        await unknownStep.ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.unknown_step");
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hotline.stale_revision");
        mine.EnumerateArray().ShouldContain(t => t.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_sweep_warns_then_records_a_missed_sign_for_then_escalates_each_once_and_a_transfer_starts_the_clock_again()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var ticket = await (await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Help", title = "下水道堵塞", text = "小区下水道堵塞污水外溢", regionCode = "511602", callerName = "王先生", callerPhone = "13900002222" }, _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);
        var id = ticket.GetProperty("id").GetGuid();
        await TicketsApp.StepAsync(agent, id, "dispatch", new { category = "城乡建设", departmentCode = "GA-SCJG" }, _ct);
        var sweep = app.Services.GetRequiredService<Yiwang.Modules.Hotline.Tickets.TicketDeadlines>();
        var number = ticket.GetProperty("number").GetString()!;

        List<string> StepsOf(IReadOnlyList<(string Number, string Step)> found) => [.. found.Where(f => f.Number == number).Select(f => f.Step)];
        var fresh = StepsOf(await sweep.RunOnceAsync(_ct));
        app.Clock.Offset = TimeSpan.FromHours(3);
        var late = StepsOf(await sweep.RunOnceAsync(_ct));
        app.Clock.Offset = TimeSpan.FromDays(6);
        var warned = StepsOf(await sweep.RunOnceAsync(_ct));
        app.Clock.Offset = TimeSpan.FromDays(8);
        var escalated = StepsOf(await sweep.RunOnceAsync(_ct));
        var again = StepsOf(await sweep.RunOnceAsync(_ct));
        var red = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{id}", _ct);
        var supervised = await TicketsApp.StepAsync(agent, id, "supervise", new { reason = "已超时，请立即处理" }, _ct);
        var transferred = await TicketsApp.StepAsync(agent, id, "transfer", new { departmentCode = "WH-MZ", reason = "属地调整" }, _ct);
        var noReason = await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/transfer", new { departmentCode = "GA-SCJG" }, _ct);
        app.Clock.Offset = TimeSpan.Zero;

        fresh.ShouldBeEmpty();
        late.ShouldBe(["sign_overdue"]);
        warned.ShouldBe(["warned"]);
        escalated.ShouldBe(["escalated"]);
        again.ShouldBeEmpty();
        red.GetProperty("light").GetString().ShouldBe("red");
        red.GetProperty("escalatedAtUtc").ValueKind.ShouldBe(JsonValueKind.String);
        supervised.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString().ShouldBe("supervise");
        transferred.GetProperty("departmentCode").GetString().ShouldBe("WH-MZ");
        transferred.GetProperty("light").GetString().ShouldBe("green");
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.reason_required");
    }

    [Fact]
    public async Task A_repeat_from_the_same_caller_is_held_for_the_agent_who_merges_it_into_the_open_original()
    {
        var caller = await app.AsAsync("511602199003071232");
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var first = await (await caller.PostAsJsonAsync("/api/v1/hotline/tickets", new { kind = "Complaint", title = "广场路灯坏了", text = "中心广场的路灯坏了", regionCode = "511602", address = "中心广场" }, _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);
        var second = await (await caller.PostAsJsonAsync("/api/v1/hotline/tickets", new { kind = "Complaint", title = "广场路灯还是坏的", text = "中心广场路灯仍未修复", regionCode = "511602", address = "中心广场" }, _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);
        var firstId = first.GetProperty("id").GetGuid();
        var secondId = second.GetProperty("id").GetGuid();

        var intoItself = await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{secondId}/merge", new { targetId = secondId }, _ct);
        var merged = await TicketsApp.StepAsync(agent, secondId, "merge", new { targetId = firstId }, _ct);
        var original = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{firstId}", _ct);
        var byCaller = await caller.PostAsJsonAsync($"/api/v1/hotline/tickets/{firstId}/merge", new { targetId = secondId }, _ct);

        second.GetProperty("possibleDuplicateOfId").GetGuid().ShouldBe(firstId);
        second.GetProperty("state").GetString().ShouldBe("Registered");
        await intoItself.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hotline.illegal_transition");
        merged.GetProperty("state").GetString().ShouldBe("Closed");
        merged.GetProperty("mergedIntoId").GetGuid().ShouldBe(firstId);
        merged.GetProperty("reply").GetString()!.ShouldContain(first.GetProperty("number").GetString()!);
        original.GetProperty("history").EnumerateArray().ShouldContain(h => h.GetProperty("action").GetString() == "merged_in");
        await byCaller.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.not_agent");
    }
}

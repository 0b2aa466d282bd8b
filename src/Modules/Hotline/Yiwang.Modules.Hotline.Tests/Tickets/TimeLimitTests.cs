using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>Time limits (办理时限) per kind and urgency, as data the administrator sets.</summary>
public sealed class TimeLimitTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<Guid> FileAsync(HttpClient agent, string kind, string title)
    {
        var filed = await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind, title, text = title + "，请尽快处理", regionCode = "511602", callerName = "赵先生", callerPhone = "13700001111" }, _ct);
        return (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_new_deployment_has_the_default_limits_and_a_rule_for_one_kind_wins_over_the_rule_for_all()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var rules = (await agent.GetFromJsonAsync<JsonElement>("/api/v1/hotline/time-limits", _ct)).EnumerateArray().ToList();
        rules.Select(r => (r.GetProperty("urgency").GetString(), r.GetProperty("handle").GetInt32(), r.GetProperty("unit").GetString()))
            .ShouldBe([("Ordinary", 7, "Days"), ("Urgent", 24, "Hours"), ("Complex", 15, "Days")], ignoreOrder: true);
        rules.ShouldAllBe(r => r.GetProperty("signHours").GetInt32() == 2);

        var admin = await app.AsAsync("PLATFORM-ADMIN");
        var set = await admin.PutAsJsonAsync("/api/v1/hotline/time-limits", new { kind = "Suggestion", urgency = "Ordinary", signHours = 1, handle = 3, unit = "WorkingDays" }, _ct);
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync(_ct));

        var suggestion = await FileAsync(agent, "Suggestion", "建议增设公交站点");
        var before = app.Clock.GetUtcNow();
        var dispatched = await TicketsApp.StepAsync(agent, suggestion, "dispatch", new { categoryCode = "jtys", departmentCode = "GA-SCJG" }, _ct);
        var calendar = app.Services.GetRequiredService<IWorkingDayCalendar>();
        var handleDue = dispatched.GetProperty("handleDueUtc").GetDateTime();
        handleDue.ShouldBeInRange(calendar.AddWorkingDays(before, 3).UtcDateTime.AddSeconds(-1), calendar.AddWorkingDays(app.Clock.GetUtcNow(), 3).UtcDateTime.AddSeconds(1));
        (dispatched.GetProperty("signDueUtc").GetDateTime() - before.UtcDateTime).TotalHours.ShouldBe(1, 0.01);

        var complaint = await FileAsync(agent, "Complaint", "施工扰民投诉");
        var complex = await TicketsApp.StepAsync(agent, complaint, "dispatch", new { categoryCode = "cxjs", departmentCode = "GA-SCJG", urgency = "Complex" }, _ct);
        complex.GetProperty("urgency").GetString().ShouldBe("Complex");
        (complex.GetProperty("handleDueUtc").GetDateTime() - app.Clock.GetUtcNow().UtcDateTime).TotalDays.ShouldBe(15, 0.01);
    }

    [Fact]
    public async Task Bad_rules_and_people_other_than_the_administrator_are_refused()
    {
        var admin = await app.AsAsync("PLATFORM-ADMIN");
        await (await admin.PutAsJsonAsync("/api/v1/hotline/time-limits", new { urgency = "Urgent", signHours = 2, handle = 2, unit = "Weeks" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_time_limit");
        await (await admin.PutAsJsonAsync("/api/v1/hotline/time-limits", new { urgency = "Urgent", signHours = 2, handle = 0, unit = "Hours" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_time_limit");
        await (await admin.PutAsJsonAsync("/api/v1/hotline/time-limits", new { urgency = "Urgent", signHours = 2, handle = 400, unit = "Days" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_time_limit");
        await (await admin.PutAsJsonAsync("/api/v1/hotline/time-limits", new { kind = "Gossip", urgency = "Urgent", signHours = 2, handle = 2, unit = "Hours" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        var agent = await app.AsAsync("HOTLINE-AGENT");
        (await agent.PutAsJsonAsync("/api/v1/hotline/time-limits", new { urgency = "Urgent", signHours = 2, handle = 2, unit = "Hours" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        await (await citizen.GetAsync("/api/v1/hotline/time-limits", _ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.staff_only");
    }
}

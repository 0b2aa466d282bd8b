using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Jobs;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.TestKit;

namespace Yiwang.Modules.Cases.Tests.Features;

/// <summary>Each test moves the fixture's clock, so they run one after another in this class and reset it.</summary>
public sealed class TimeLimitTests(CasesApp app) : IClassFixture<CasesApp>, IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => app.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task A_special_procedure_is_not_counted_and_an_approved_extension_moves_the_due_date_once()
    {
        var id = (await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid();
        var accepted = await app.ActAsync("GA-CLERK", id, "accept", ct: _ct);
        var due = accepted.GetProperty("dueAtUtc").GetDateTime();

        await app.ActAsync("GA-APPROVER", id, "start-special", new { kind = "Inspection", opinion = "需实地核查经营场所" }, ct: _ct);
        app.Clock.Offset = TimeSpan.FromDays(14);
        var resumed = await app.ActAsync("GA-APPROVER", id, "end-special", new { opinion = "核查通过" }, ct: _ct);
        await app.ActAsync("GA-APPROVER", id, "request-extension", new { days = 5, opinion = "案情复杂" }, ct: _ct);
        await app.ActAsync("GA-APPROVER", id, "approve-extension", expect: HttpStatusCode.Forbidden, ct: _ct);
        var extended = await app.ActAsync("PLATFORM-ADMIN", id, "approve-extension", ct: _ct);
        await app.ActAsync("GA-APPROVER", id, "request-extension", new { days = 5, opinion = "再延" }, HttpStatusCode.Conflict, _ct);

        resumed.GetProperty("pausedWorkingDays").GetInt32().ShouldBeGreaterThanOrEqualTo(8);
        resumed.GetProperty("dueAtUtc").GetDateTime().ShouldBeGreaterThan(due.AddDays(10));
        resumed.GetProperty("light").GetString().ShouldBe("Green");
        extended.GetProperty("extensionDays").GetInt32().ShouldBe(5);
        extended.GetProperty("dueAtUtc").GetDateTime().ShouldBeGreaterThan(resumed.GetProperty("dueAtUtc").GetDateTime().AddDays(6));
    }

    [Fact]
    public async Task The_sweep_raises_a_warning_then_an_overdue_escalation_once_each_however_often_it_runs()
    {
        var id = (await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid();
        await app.ActAsync("GA-CLERK", id, "accept", ct: _ct);
        var sweep = app.Services.GetRequiredService<TimeLimitSweep>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == id, _ct);

        app.Clock.Offset = c.WarnAtUtc!.Value - DateTime.UtcNow + TimeSpan.FromMinutes(1);
        await sweep.RunOnceAsync(_ct);
        await sweep.RunOnceAsync(_ct);
        var yellow = await (await app.AsAsync("GA-CLERK")).GetFromJsonAsync<JsonElement>("/api/v1/applications/queue?light=Yellow&pageSize=200", _ct);
        app.Clock.Offset = c.DueAtUtc!.Value - DateTime.UtcNow + TimeSpan.FromMinutes(1);
        await sweep.RunOnceAsync(_ct);
        await sweep.RunOnceAsync(_ct);

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.SubjectId == id).ToListAsync(_ct);
        alerts.Count(a => a.Kind == AlertKind.Warning).ShouldBe(1);
        alerts.Count(a => a.Kind == AlertKind.Overdue).ShouldBe(1);
        yellow.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == id);
        var red = await (await app.AsAsync("GA-CLERK")).GetFromJsonAsync<JsonElement>("/api/v1/applications/queue?light=Red&pageSize=200", _ct);
        red.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_hall_ticket_waiting_longer_than_fifteen_minutes_raises_one_alert_and_can_be_rated_after_service()
    {
        var taken = await app.Client().PostAsJsonAsync("/api/v1/hall/511602/tickets", new { itemCode = CasesApp.Item }, _ct);
        taken.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await taken.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var sweep = app.Services.GetRequiredService<TimeLimitSweep>();

        app.Clock.Offset = TimeSpan.FromMinutes(16);
        var first = await sweep.RunOnceAsync(_ct);
        var second = await sweep.RunOnceAsync(_ct);
        app.Clock.Offset = TimeSpan.Zero;
        var clerk = await app.AsAsync("GA-CLERK");
        JsonElement called;
        do
        {
            var response = await clerk.PostAsJsonAsync("/api/v1/hall/511602/call-next", new { window = "3号窗口" }, _ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            called = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        }
        while (called.GetProperty("id").GetGuid() != ticket.GetProperty("id").GetGuid());

        (await clerk.PostAsync($"/api/v1/hall/tickets/{called.GetProperty("id").GetGuid()}/finish", null, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rating = await app.Client().PostAsJsonAsync($"/api/v1/hall/tickets/{ticket.GetProperty("id").GetGuid()}/rating",
            new { queryCode = ticket.GetProperty("queryCode").GetString(), level = "VerySatisfied" }, _ct);

        first.HallWaits.ShouldBeGreaterThanOrEqualTo(1);
        second.HallWaits.ShouldBe(0);
        rating.StatusCode.ShouldBe(HttpStatusCode.Created);
        var alerts = await (await app.AsAsync("GA-CLERK")).GetFromJsonAsync<JsonElement>("/api/v1/applications/alerts?kind=HallWait", _ct);
        alerts.EnumerateArray().ShouldContain(a => a.GetProperty("subjectId").GetGuid() == ticket.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Cases_export_in_the_national_exchange_structure_with_acceptance_process_and_result_records()
    {
        var id = (await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid();
        await app.ActAsync("GA-CLERK", id, "accept", ct: _ct);
        await app.ActAsync("GA-APPROVER", id, "pass-step", ct: _ct);
        await app.ActAsync("GA-APPROVER", id, "decide", new { decision = "Approved", opinion = "准予登记" }, ct: _ct);
        var done = await app.ActAsync("GA-CLERK", id, "complete", new { delivery = "Post" }, ct: _ct);

        var batch = await (await app.AsAsync("GA-CLERK")).GetFromJsonAsync<JsonElement>("/api/v1/applications/exchange?limit=5000", _ct);

        var record = batch.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("accept").GetProperty("project_no").GetString() == done.GetProperty("number").GetString());
        record.GetProperty("accept").GetProperty("accept_date").GetString()!.ShouldMatch(@"^\d{8}T\d{6}$");
        record.GetProperty("process").EnumerateArray().Select(p => p.GetProperty("event_name").GetString()).ShouldContain("通过");
        record.GetProperty("result").GetProperty("result_type").GetString().ShouldBe("0");
        record.GetProperty("result").GetProperty("is_delivery_results").GetBoolean().ShouldBeTrue();
    }
}

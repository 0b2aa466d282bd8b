using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Cases.Jobs;
using Yiwang.TestKit;

namespace Yiwang.Modules.Cases.Tests.Features;

public sealed class RestartTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_its_files_and_its_pending_deadline_survive_a_restart_and_the_overdue_alert_is_raised_once_afterwards()
    {
        await using var database = await TestDatabase.CreateAsync();
        Guid id;
        var materialId = Guid.Empty;
        await using (var first = new ClockedNodeOn(database))
        {
            await first.InitializeAsync();
            await first.SeedDemoAsync();
            var citizen = await first.AsAsync(CasesApp.Citizen, CasesApp.CitizenPassword);
            var form = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/form/{CasesApp.Item}", _ct);
            var values = form.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString() ?? "申请办理");
            var draft = await (await citizen.PostAsJsonAsync("/api/v1/applications", new { itemCode = CasesApp.Item, form = values }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
            id = draft.GetProperty("id").GetGuid();
            foreach (var m in draft.GetProperty("requirements").EnumerateArray().Where(m => m.GetProperty("required").GetBoolean()))
            {
                var upload = await citizen.PostAsync($"/api/v1/applications/{id}/materials", CasesApp.Pdf(m.GetProperty("name").GetString()!, body: "%PDF-1.7 restart " + m.GetProperty("name").GetString()), _ct);
                materialId = (await upload.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
            }

            (await citizen.PostAsJsonAsync($"/api/v1/applications/{id}/actions/submit", new { }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var clerk = await first.AsAsync("GA-CLERK", CasesApp.StaffPassword);
            (await clerk.PostAsJsonAsync($"/api/v1/applications/{id}/actions/accept", new { }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var second = new ClockedNodeOn(database);
        await second.InitializeAsync();
        var again = await second.AsAsync("GA-CLERK", CasesApp.StaffPassword);
        var detail = await again.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", _ct);
        var file = await again.GetAsync($"/api/v1/applications/{id}/materials/{materialId}/content", _ct);
        second.Clock.Offset = detail.GetProperty("dueAtUtc").GetDateTime() - DateTime.UtcNow + TimeSpan.FromHours(1);
        var sweep = second.Services.GetRequiredService<TimeLimitSweep>();
        var raised = await sweep.RunOnceAsync(_ct);
        var twice = await sweep.RunOnceAsync(_ct);
        second.Clock.Offset = TimeSpan.Zero;

        detail.GetProperty("state").GetString().ShouldBe("InReview");
        detail.GetProperty("events").GetArrayLength().ShouldBe(3);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsStringAsync(_ct)).ShouldStartWith("%PDF-1.7 restart");
        raised.Overdue.ShouldBe(1);
        twice.Overdue.ShouldBe(0);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Hotline.Tickets;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>Two nodes, one after the other, on the same store: what the hotline wrote survives, and no deadline mark is lost or doubled.</summary>
public sealed class HotlineRestartTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ticket_its_file_its_category_and_the_rules_survive_a_restart_and_each_deadline_mark_is_recorded_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        Guid id;
        string number;
        Guid fileId;
        await using (var first = new ClockedNodeOn(database, "--Hotline:SweepSeconds=3600"))
        {
            await first.InitializeAsync();
            await first.SeedDemoAsync();
            var admin = await first.AsAsync("PLATFORM-ADMIN", YiwangDemoApp.StaffPassword);
            (await admin.PutAsJsonAsync("/api/v1/hotline/time-limits", new { kind = "Report", urgency = "Ordinary", signHours = 2, handle = 5, unit = "Days" }, _ct))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            var agent = await first.AsAsync("HOTLINE-AGENT", YiwangDemoApp.StaffPassword);
            var filed = await (await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
                new { kind = "Report", title = "河道偷排污水", text = "夜间有工厂向河道偷排污水", regionCode = "511602", callerName = "吴先生", callerPhone = "13500003333", categoryCode = "hjbh" }, _ct))
                .Content.ReadFromJsonAsync<JsonElement>(_ct);
            (id, number) = (filed.GetProperty("id").GetGuid(), filed.GetProperty("number").GetString()!);
            await TicketsApp.StepAsync(agent, id, "dispatch", new { departmentCode = "GA-SCJG" }, _ct);
            var photo = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
            photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            var attached = await agent.PostAsync($"/api/v1/hotline/tickets/{id}/attachments", new MultipartFormDataContent { { photo, "file", "河道.jpg" } }, _ct);
            fileId = (await attached.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
            first.Clock.Offset = TimeSpan.FromHours(3);
            (await first.Services.GetRequiredService<TicketDeadlines>().RunOnceAsync(_ct)).ShouldContain((number, "sign_overdue"));
        }

        await using var second = new ClockedNodeOn(database, "--Hotline:SweepSeconds=3600");
        await second.InitializeAsync();
        var sweep = second.Services.GetRequiredService<TicketDeadlines>();
        second.Clock.Offset = TimeSpan.FromHours(3);
        var afterRestart = await sweep.RunOnceAsync(_ct);
        second.Clock.Offset = TimeSpan.FromDays(6);
        var escalated = await sweep.RunOnceAsync(_ct);
        var again = await sweep.RunOnceAsync(_ct);
        second.Clock.Offset = TimeSpan.Zero;
        var agentAgain = await second.AsAsync("HOTLINE-AGENT", YiwangDemoApp.StaffPassword);
        var ticket = await agentAgain.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{id}", _ct);
        var file = await agentAgain.GetByteArrayAsync($"/api/v1/hotline/tickets/{id}/attachments/{fileId}", _ct);

        afterRestart.ShouldNotContain(f => f.Number == number);
        escalated.Where(f => f.Number == number).Select(f => f.Step).ShouldBe(["escalated"]);
        again.ShouldNotContain(f => f.Number == number);
        ticket.GetProperty("categoryPath").GetString().ShouldBe("环境保护");
        (ticket.GetProperty("handleDueUtc").GetDateTime() - ticket.GetProperty("createdAtUtc").GetDateTime()).TotalDays.ShouldBe(5, 0.01);
        ticket.GetProperty("history").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "sign_overdue").ShouldBe(1);
        file.ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 });
    }
}

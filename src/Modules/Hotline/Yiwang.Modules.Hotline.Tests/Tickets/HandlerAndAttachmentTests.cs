using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>Inside the department: assigning a ticket to one handler (承办人); and the files on a ticket (附件).</summary>
public sealed class HandlerAndAttachmentTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static MultipartFormDataContent FileContent(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>The caller files a request for help in 广安区 and gets its id.</summary>
    private async Task<Guid> FileAsync(HttpClient caller, string title, string text)
    {
        var filed = await caller.PostAsJsonAsync("/api/v1/hotline/tickets", new { kind = "Help", title, text, regionCode = "511602" }, _ct);
        return (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_department_assigns_the_ticket_to_one_of_its_staff_who_finds_it_under_mine()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var filed = await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Complaint", title = "超市售卖过期食品", text = "小区超市售卖过期牛奶", regionCode = "511602", callerName = "钱女士", callerPhone = "13600002222" }, _ct);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
        await TicketsApp.StepAsync(agent, id, "dispatch", new { category = "商贸旅游", departmentCode = "GA-SCJG" }, _ct);

        var clerk = await app.AsAsync("GA-CLERK");
        var handlers = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{id}/handlers", _ct);
        var approver = handlers.EnumerateArray().Single(h => h.GetProperty("name").GetString() == "赵审批");
        var assigned = await TicketsApp.StepAsync(clerk, id, "assign", new { handlerId = approver.GetProperty("accountId").GetGuid() }, _ct);
        assigned.GetProperty("handlerName").GetString().ShouldBe("赵审批");

        var mine = await (await app.AsAsync("GA-APPROVER")).GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets?mine=true", _ct);
        mine.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldBe([id]);
        (await clerk.GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets?mine=true", _ct)).GetArrayLength().ShouldBe(0);

        var stranger = (await (await app.AsAsync("WH-CLERK")).GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets", _ct)).EnumerateArray().ToList();
        stranger.ShouldNotContain(t => t.GetProperty("id").GetGuid() == id);
        await (await clerk.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/assign", new { handlerId = Guid.NewGuid() }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_handler");
        await (await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/assign", new { handlerId = approver.GetProperty("accountId").GetGuid() }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.not_holder");
        await (await agent.GetAsync($"/api/v1/hotline/tickets/{id}/handlers", _ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.not_holder");

        var returned = await TicketsApp.StepAsync(clerk, id, "return", new { reason = "不属于本部门职责" }, _ct);
        returned.GetProperty("handlerId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_caller_attaches_a_photo_that_the_department_downloads_and_strangers_and_bad_files_are_refused()
    {
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        var id = await FileAsync(citizen, "路面塌陷", "建设路路面塌陷一个大坑");

        var uploaded = await citizen.PostAsync($"/api/v1/hotline/tickets/{id}/attachments", FileContent(Png, "坑.png"), _ct);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(_ct));
        var attachment = await uploaded.Content.ReadFromJsonAsync<JsonElement>(_ct);
        attachment.GetProperty("contentType").GetString().ShouldBe("image/png");

        var agent = await app.AsAsync("HOTLINE-AGENT");
        var ticket = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{id}", _ct);
        ticket.GetProperty("attachments").EnumerateArray().Single().GetProperty("fileName").GetString().ShouldBe("坑.png");
        var content = await agent.GetByteArrayAsync($"/api/v1/hotline/tickets/{id}/attachments/{attachment.GetProperty("id").GetGuid()}", _ct);
        content.ShouldBe(Png);

        var other = await app.AsAsync("511602199003071232");
        await (await other.GetAsync($"/api/v1/hotline/tickets/{id}/attachments/{attachment.GetProperty("id").GetGuid()}", _ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.ticket_not_found");
        await (await other.PostAsync($"/api/v1/hotline/tickets/{id}/attachments", FileContent(Png, "x.png"), _ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.ticket_not_found");
        await (await citizen.PostAsync($"/api/v1/hotline/tickets/{id}/attachments", FileContent(Encoding.UTF8.GetBytes("not a picture"), "fake.png"), _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_attachment");
        await (await citizen.PostAsync($"/api/v1/hotline/tickets/{id}/attachments",
                FileContent(Encoding.ASCII.GetBytes("%PDF-1.4 X5O!P%@AP EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"), "v.pdf"), _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.attachment_infected");
        await (await citizen.PostAsync($"/api/v1/hotline/tickets/{id}/attachments", new StringContent("{}", Encoding.UTF8, "application/json"), _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_attachment");
        await (await agent.GetAsync($"/api/v1/hotline/tickets/{id}/attachments/{Guid.NewGuid()}", _ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.attachment_not_found");
    }

    [Fact]
    public async Task Uploads_at_the_same_moment_never_put_more_than_nine_files_on_a_ticket()
    {
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        var id = await FileAsync(citizen, "井盖缺失", "建设路井盖缺失，夜间危险");
        for (var i = 0; i < 7; i++)
        {
            (await citizen.PostAsync($"/api/v1/hotline/tickets/{id}/attachments", FileContent(Png, $"{i}.png"), _ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => citizen.PostAsync($"/api/v1/hotline/tickets/{id}/attachments", FileContent(Png, $"at-once-{i}.png"), _ct)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(2);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hotline.too_many_attachments");
        }

        var ticket = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{id}", _ct);
        ticket.GetProperty("attachments").GetArrayLength().ShouldBe(9);
    }
}

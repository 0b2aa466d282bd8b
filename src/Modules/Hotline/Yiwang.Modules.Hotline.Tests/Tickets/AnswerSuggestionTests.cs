using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>Suggested answers (知识库推荐): service guides and past replies, for answering on the spot (直办).</summary>
public sealed class AnswerSuggestionTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<Guid> CallAsync(HttpClient agent, string title, string text)
    {
        var filed = await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Consultation", title, text, regionCode = "511602", callerName = "钱女士", callerPhone = "13800004444" }, _ct);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_consultation_gets_the_matching_guide_and_a_similar_past_reply_and_the_agent_answers_with_it()
    {
        await app.WaitUntilReadyAsync();
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var earlier = await CallAsync(agent, "个体户营业执照怎么办理", "我想开一家小吃店，个体户营业执照需要准备哪些材料，去哪里办理？");
        await TicketsApp.StepAsync(agent, earlier, "reply", new { reply = "可在广安区政务服务中心3号窗口或网上办理个体工商户设立登记，需身份证和经营场所证明。" }, _ct);

        var id = await CallAsync(agent, "个体户营业执照如何办理", "想开个小吃店，请问个体户营业执照要准备什么材料，在哪里办？");
        var answers = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{id}/answers", _ct);

        var guide = answers.EnumerateArray().First(a => a.GetProperty("source").GetString() == "guide");
        guide.GetProperty("title").GetString()!.ShouldContain("个体工商户");
        guide.GetProperty("link").GetString()!.ShouldStartWith("/items/");
        var past = answers.EnumerateArray().First(a => a.GetProperty("source").GetString() == "reply");
        past.GetProperty("answer").GetString()!.ShouldContain("3号窗口");
        past.GetProperty("similarity").GetDouble().ShouldBeGreaterThanOrEqualTo(0.3);

        var replied = await TicketsApp.StepAsync(agent, id, "reply", new { reply = past.GetProperty("answer").GetString() }, _ct);
        replied.GetProperty("state").GetString().ShouldBe("Replied");

        await (await (await app.AsAsync("WH-CLERK")).GetAsync($"/api/v1/hotline/tickets/{id}/answers", _ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "hotline.ticket_not_found");
    }
}

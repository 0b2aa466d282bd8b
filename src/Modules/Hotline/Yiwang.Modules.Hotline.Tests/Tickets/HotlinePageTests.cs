using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>The server-rendered hotline pages: the citizen's "look it up first" and the indicator chart.</summary>
public sealed class HotlinePageTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_citizen_looking_it_up_first_sees_the_matching_service_guides_on_the_form()
    {
        await app.WaitUntilReadyAsync();
        var oidc = new OidcClient(app);
        await oidc.SignInAsync(TicketsApp.Citizen, YiwangDemoApp.CitizenPassword, "/hotline/new");

        var page = System.Net.WebUtility.HtmlDecode(await oidc.Browser.GetStringAsync("/hotline/new?q=" + Uri.EscapeDataString("个体工商户"), _ct));

        page.ShouldContain("guide-suggestions");
        page.ShouldContain("个体工商户设立登记");
    }

    [Fact]
    public async Task The_indicator_page_draws_the_rates_as_a_chart()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var filed = await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Help", title = "井盖缺失", text = "建设路有一个井盖缺失，很危险", regionCode = "511602", callerName = "周先生", callerPhone = "13800006666" }, _ct);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
        await TicketsApp.StepAsync(agent, id, "dispatch", new { category = "城乡建设", departmentCode = "GA-SCJG" }, _ct);
        var oidc = new OidcClient(app);
        await oidc.SignInAsync("HOTLINE-AGENT", YiwangDemoApp.StaffPassword, "/hotline/indicators");

        var page = System.Net.WebUtility.HtmlDecode(await oidc.Browser.GetStringAsync("/hotline/indicators", _ct));

        page.ShouldContain("rate-chart");
        page.ShouldContain("<svg");
        page.ShouldContain("<rect");
    }
}

using System.Net;
using System.Net.Http.Headers;
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

    [Fact]
    public async Task A_citizen_files_on_the_web_with_a_category_an_urgency_and_a_photo_and_sees_them_on_the_ticket()
    {
        var oidc = new OidcClient(app);
        await oidc.SignInAsync(TicketsApp.Citizen, YiwangDemoApp.CitizenPassword, "/hotline/new");
        var photo = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9]);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent
        {
            { new StringContent(await oidc.AntiforgeryTokenAsync("/hotline/new")), "__RequestVerificationToken" },
            { new StringContent("Help"), "kind" }, { new StringContent("工地塔吊摇晃"), "title" }, { new StringContent("工地塔吊大风天摇晃，担心倒塌"), "text" },
            { new StringContent("511602"), "regionCode" }, { new StringContent("cxjs.01"), "categoryCode" }, { new StringContent("Urgent"), "urgency" },
            { photo, "file", "塔吊.png" },
        };

        var filed = await oidc.Browser.PostAsync("/hotline/file", form, _ct);
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        filed.Headers.Location!.ToString().ShouldContain("done=filed");
        var page = WebUtility.HtmlDecode(await oidc.Browser.GetStringAsync(filed.Headers.Location!.ToString(), _ct));

        page.ShouldContain("城乡建设 / 安全生产");
        page.ShouldContain("紧急");
        page.ShouldContain("塔吊.png");
        page.ShouldContain("attach-form");
    }

    [Fact]
    public async Task The_administrator_sets_a_time_limit_on_the_settings_page_where_staff_read_the_rules_and_the_tree()
    {
        var oidc = new OidcClient(app);
        await oidc.SignInAsync("PLATFORM-ADMIN", YiwangDemoApp.StaffPassword, "/hotline/settings");
        var set = await oidc.Browser.PostAsync("/hotline/settings/time-limit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await oidc.AntiforgeryTokenAsync("/hotline/settings"),
            ["kind"] = "Praise", ["urgency"] = "Ordinary", ["signHours"] = "4", ["handle"] = "10", ["unit"] = "WorkingDays",
        }), _ct);
        set.Headers.Location!.ToString().ShouldContain("done=time-limit");

        var agent = new OidcClient(app);
        await agent.SignInAsync("HOTLINE-AGENT", YiwangDemoApp.StaffPassword, "/hotline/settings");
        var page = WebUtility.HtmlDecode(await agent.Browser.GetStringAsync("/hotline/settings", _ct));
        page.ShouldContain("10 工作日");
        page.ShouldContain("违章建筑");
        page.ShouldNotContain("time-limit-form");
    }
}

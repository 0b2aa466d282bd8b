using System.Net.Http.Json;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Yiwang.EndToEndTests;

/// <summary>A holder shows a licence from the wallet as a QR code; a stranger's browser verifies it without signing in.</summary>
public sealed class LicenceBrowserTests(BrowserTests.ServedDemoApp app) : IClassFixture<BrowserTests.ServedDemoApp>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_holder_shows_two_fields_of_a_licence_and_a_stranger_verifies_it_from_the_link()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        var ct = TestContext.Current.CancellationToken;
        var approver = await app.AsAsync("GA-APPROVER");
        (await approver.PostAsJsonAsync("/api/v1/licences", new
        {
            typeCode = "11100000MB0143028R001",
            holderName = "张广安",
            holderCode = "511602199003071232",
            fields = new Dictionary<string, string>
            {
                ["经营者"] = "张广安", ["组成形式"] = "个人经营", ["经营场所"] = "广安区兴安路 8 号", ["经营范围"] = "小吃服务",
                ["登记机关"] = "广安市广安区市场监督管理局", ["注册日期"] = "2026-11-23",
            },
        }, ct)).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var holder = await (await browser.NewContextAsync()).NewPageAsync();
        await holder.GotoAsync(app.BaseAddress + "/account/sign-in?returnUrl=%2Fmy%2Flicences");
        await holder.GetByLabel("身份证号码或工作人员账号").FillAsync("511602199003071232");
        await holder.GetByLabel("密码").FillAsync("Demo2026citizen");
        await holder.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await holder.WaitForURLAsync("**/my/licences");

        await holder.GetByTestId("wallet").GetByRole(AriaRole.Link, new() { Name = "个体工商户营业执照" }).First.ClickAsync();
        await holder.WaitForURLAsync("**/my/licences/**");
        await holder.GetByTestId("show-form").GetByLabel("经营者").CheckAsync();
        await holder.GetByTestId("show-form").GetByLabel("经营范围").CheckAsync();
        await holder.GetByTestId("show-form").GetByRole(AriaRole.Button).ClickAsync();
        await holder.WaitForURLAsync("**qr=1**");
        await Shot(holder, "licence-qr");
        var link = new Uri((await holder.GetByTestId("verify-link").GetAttributeAsync("href"))!);

        // Anyone: a fresh browser, not signed in, opens the link (on this test server's address).
        var stranger = await (await browser.NewContextAsync()).NewPageAsync();
        await stranger.GotoAsync(app.BaseAddress + link.PathAndQuery);
        var verdict = await stranger.GetByTestId("verdict").GetAttributeAsync("data-verdict");
        var shown = await stranger.GetByTestId("disclosed").InnerTextAsync();
        await Shot(stranger, "licence-verified");

        verdict.ShouldBe("Valid");
        shown.ShouldContain("张广安");
        shown.ShouldContain("小吃服务");
        shown.ShouldNotContain("兴安路");
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Yiwang.TestKit.RepositoryPaths.Artifacts("screenshots"), name + ".png"), FullPage = true });
}

using Microsoft.Playwright;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(BrowserTests.ServedDemoApp app) : IClassFixture<BrowserTests.ServedDemoApp>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string DemoAgentId = "510107198511124563";

    public sealed class ServedDemoApp : YiwangDemoApp
    {
        protected override bool UseRealServer => true;
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // No sandbox as root in CI; no background traffic on a machine without outside network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task A_citizen_searches_for_a_business_licence_and_reads_the_materials_and_time_limit()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.NewPageAsync(browser);

        await page.GotoAsync(app.BaseAddress + "/");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("营业执照");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.ReachesAsync("**/search?**");
        var results = await page.Locator(".hit-name").AllInnerTextsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "个体工商户设立登记" }).First.ClickAsync();
        await page.ReachesAsync("**/items/**");
        var materials = await page.Locator("table.materials").InnerTextAsync();
        var promised = await page.Locator("[data-testid=promised-limit]").InnerTextAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "guide-business-licence.png"), FullPage = true });

        results.ShouldContain(r => r.Contains("营业执照"));
        materials.ShouldContain("个体工商户登记（备案）申请书");
        materials.ShouldContain("经营者居民身份证");
        promised.ShouldContain("工作日");
    }

    [Fact]
    public async Task The_guide_switches_to_english_and_back()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.NewPageAsync(browser);

        await page.GotoAsync(app.BaseAddress + "/items/511602-MZ-001");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        var english = await page.Locator("h2").AllInnerTextsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        var chinese = await page.Locator("h2").AllInnerTextsAsync();

        english.ShouldContain("Materials");
        chinese.ShouldContain("申请材料");
    }

    [Fact]
    public async Task The_region_picker_narrows_the_search_to_the_chosen_county()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await BrowserSession.NewPageAsync(browser);

        await page.GotoAsync(app.BaseAddress + "/regions");
        await page.GetByRole(AriaRole.Link, new() { Name = "四川省" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "成都市" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "武侯区" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "选择“四川省 成都市 武侯区”" }).ClickAsync();
        await page.GotoAsync(app.BaseAddress + "/search?q=" + Uri.EscapeDataString("结婚登记"));
        var meta = await page.Locator(".hit .meta").AllInnerTextsAsync();

        meta.ShouldNotBeEmpty();
        meta.ShouldAllBe(m => m.Contains("武侯区"));
    }

    [Fact]
    public async Task A_citizen_registers_signs_in_and_authorises_an_agent_who_then_acts_for_the_enterprise()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        const string idNumber = "110101199001011237";
        var creditCode = "91110101MA0BCDE00" + Yiwang.Modules.Reference.Contracts.UnifiedSocialCreditCode.CheckCharacter("91110101MA0BCDE00");
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var citizen = await BrowserSession.NewPageAsync(browser);

        await citizen.GotoAsync(app.BaseAddress + "/account/register");
        await citizen.GetByLabel("姓名").FillAsync("浏览器测试");
        await citizen.GetByLabel("居民身份证号码").FillAsync(idNumber);
        await citizen.GetByLabel("手机号码").FillAsync("13912345678");
        await citizen.GetByLabel("密码").FillAsync("Browser2026pass");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await citizen.ReachesAsync("**/account/sign-in?registered=1");
        await SignInAsync(citizen, idNumber, "Browser2026pass");
        await citizen.Locator("summary").ClickAsync();
        await citizen.GetByLabel("统一社会信用代码").FillAsync(creditCode);
        await citizen.GetByLabel("企业名称").FillAsync("浏览器测试有限公司");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "登记企业" }).ClickAsync();
        await citizen.ReachesAsync("**/account?**");
        await citizen.GetByLabel("经办人身份证号码").FillAsync(DemoAgentId);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "授权经办人" }).ClickAsync();
        await citizen.ReachesAsync("**/account?done=granted");
        var given = await citizen.Locator("table.grants").First.InnerTextAsync();
        await citizen.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "account-grant.png"), FullPage = true });

        var agent = await BrowserSession.NewPageAsync(browser);
        await SignInAsync(agent, DemoAgentId, "Demo2026citizen");
        var received = await agent.Locator("table.grants").Last.InnerTextAsync();
        var actFor = await agent.APIRequest.GetAsync(app.BaseAddress + "/api/v1/identity/legal-persons/" + creditCode);
        var notMine = await agent.APIRequest.GetAsync(app.BaseAddress + "/api/v1/identity/legal-persons/91510000000000000X");

        given.ShouldContain("李武侯");
        given.ShouldContain("有效");
        received.ShouldContain("浏览器测试有限公司");
        actFor.Status.ShouldBe(200);
        (await actFor.TextAsync()).ShouldContain("浏览器测试有限公司");
        notMine.Status.ShouldBe(404);
    }

    private Task SignInAsync(IPage page, string login, string password) => BrowserSession.SignInAsync(page, app.BaseAddress, login, password, "/account");
}

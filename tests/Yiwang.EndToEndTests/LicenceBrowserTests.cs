using System.Net.Http.Json;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Yiwang.EndToEndTests;

/// <summary>A holder shows a licence from the wallet as a QR code; a stranger's browser verifies it without signing in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LicenceBrowserTests(BrowserTests.ServedDemoApp app) : IClassFixture<BrowserTests.ServedDemoApp>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_holder_shows_two_fields_of_a_licence_and_a_stranger_verifies_it_from_the_link()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        var ct = TestContext.Current.CancellationToken;
        var approver = await app.AsAsync("GA-APPROVER");
        var issuedLicence = await approver.PostAsJsonAsync("/api/v1/licences", new
        {
            typeCode = "11100000MB0143028R001",
            holderName = "张广安",
            holderCode = "511602199003071232",
            fields = new Dictionary<string, string>
            {
                ["经营者"] = "张广安", ["组成形式"] = "个人经营", ["经营场所"] = "广安区兴安路 8 号", ["经营范围"] = "小吃服务",
                ["登记机关"] = "广安市广安区市场监督管理局", ["注册日期"] = "2026-11-23",
            },
        }, ct);
        issuedLicence.EnsureSuccessStatusCode();
        var credential = (await issuedLicence.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("credential").GetString()!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var holder = await SignInAsync(browser, "511602199003071232", "Demo2026citizen", "/my/licences");

        await holder.GetByTestId("wallet").GetByRole(AriaRole.Link, new() { Name = "个体工商户营业执照" }).First.ClickAsync();
        await holder.ReachesAsync("**/my/licences/**");
        await holder.GetByTestId("show-form").GetByLabel("经营者").CheckAsync();
        await holder.GetByTestId("show-form").GetByLabel("经营范围").CheckAsync();
        await holder.GetByTestId("show-form").GetByRole(AriaRole.Button).ClickAsync();
        await holder.ReachesAsync("**qr=1**");
        await Shot(holder, "licence-qr");
        var link = new Uri((await holder.GetByTestId("verify-link").GetAttributeAsync("href"))!);

        // Anyone: a fresh browser, not signed in, opens the link (on this test server's address).
        var stranger = await BrowserSession.NewPageAsync(browser);
        await stranger.GotoAsync(app.BaseAddress + link.PathAndQuery);
        var verdict = await stranger.GetByTestId("verdict").GetAttributeAsync("data-verdict");
        var shown = await stranger.GetByTestId("disclosed").InnerTextAsync();
        await Shot(stranger, "licence-verified");

        // The same stranger uploads the credential file itself (as filed with an application).
        await stranger.GotoAsync(app.BaseAddress + "/verify");
        await stranger.GetByTestId("upload-form").Locator("input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = "licence.jwt", MimeType = "application/vc+sd-jwt", Buffer = System.Text.Encoding.UTF8.GetBytes(credential) });
        await stranger.GetByTestId("upload-form").GetByRole(AriaRole.Button, new() { Name = "核验文件" }).ClickAsync();
        var fileVerdict = await stranger.GetByTestId("verdict").GetAttributeAsync("data-verdict");

        verdict.ShouldBe("Valid");
        fileVerdict.ShouldBe("Valid");
        shown.ShouldContain("张广安");
        shown.ShouldContain("小吃服务");
        shown.ShouldNotContain("兴安路");
    }

    [Fact]
    public async Task A_holder_authorises_a_bank_and_a_department_each_sees_only_the_chosen_field_and_the_holder_sees_the_uses()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        var ct = TestContext.Current.CancellationToken;
        var approver = await app.AsAsync("GA-APPROVER");
        var issued = await approver.PostAsJsonAsync("/api/v1/licences", new
        {
            typeCode = "11100000MB0143028R001",
            holderName = "张广安",
            holderCode = "511602199003071232",
            fields = new Dictionary<string, string>
            {
                ["经营者"] = "张广安", ["组成形式"] = "个人经营", ["经营场所"] = "广安区兴安路 9 号", ["经营范围"] = "零售",
                ["登记机关"] = "广安市广安区市场监督管理局", ["注册日期"] = "2026-11-23",
            },
        }, ct);
        var id = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("summary").GetProperty("id").GetGuid();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var holder = await SignInAsync(browser, "511602199003071232", "Demo2026citizen", $"/my/licences/{id}");

        var form = holder.GetByTestId("authorise-form");
        await form.GetByLabel("授权对象").SelectOptionAsync("ThirdParty");
        await form.GetByLabel("第三方名称").FillAsync("某银行广安支行");
        await form.GetByLabel("用证事由").FillAsync("开立对公账户");
        await form.GetByLabel("经营者").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "授权" }).ClickAsync();
        await holder.ReachesAsync("**done=authorised**");
        var shareLink = new Uri((await holder.GetByTestId("share-link").GetAttributeAsync("href"))!);
        await BrowserSession.FreshAsync(holder);
        await form.GetByLabel("授权对象").SelectOptionAsync("Department");
        await form.GetByLabel("部门编码（政府部门）/统一社会信用代码（第三方，可选）").FillAsync("WH-MZ");
        await form.GetByLabel("用证事由").FillAsync("低保资格审核");
        await form.GetByLabel("经营范围").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "授权" }).ClickAsync();
        await holder.ReachesAsync("**done=authorised**");

        // The bank: a fresh browser, not signed in, opens the link and asks to see the licence.
        var bank = await BrowserSession.NewPageAsync(browser);
        await bank.GotoAsync(app.BaseAddress + shareLink.PathAndQuery);
        await bank.GetByTestId("shared-form").GetByRole(AriaRole.Button).ClickAsync();
        var bankVerdict = await bank.GetByTestId("verdict").GetAttributeAsync("data-verdict");
        var bankSees = await bank.GetByTestId("disclosed").InnerTextAsync();

        // The department: a clerk of 武侯区民政局 uses it from the workbench.
        var clerk = await SignInAsync(browser, "WH-CLERK", "Demo2026staff", "/workbench/licences");
        await clerk.GetByTestId("received").GetByRole(AriaRole.Button, new() { Name = "使用" }).First.ClickAsync();
        var clerkVerdict = await clerk.GetByTestId("verdict").GetAttributeAsync("data-verdict");
        var clerkSees = await clerk.GetByTestId("disclosed").InnerTextAsync();
        await Shot(clerk, "licence-authorised-use");

        await holder.ReloadAsync();
        var uses = await holder.GetByTestId("uses").InnerTextAsync();
        await Shot(holder, "licence-authorisations");

        bankVerdict.ShouldBe("Valid");
        bankSees.ShouldContain("张广安");
        bankSees.ShouldNotContain("零售");
        clerkVerdict.ShouldBe("Valid");
        clerkSees.ShouldContain("零售");
        clerkSees.ShouldNotContain("张广安");
        uses.ShouldContain("某银行广安支行");
        uses.ShouldContain("武侯区民政局");
    }

    private Task<IPage> SignInAsync(IBrowser browser, string login, string password, string returnUrl) =>
        BrowserSession.SignInAsync(browser, app.BaseAddress, login, password, returnUrl);

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Yiwang.TestKit.RepositoryPaths.Artifacts("screenshots"), name + ".png"), FullPage = true });
}

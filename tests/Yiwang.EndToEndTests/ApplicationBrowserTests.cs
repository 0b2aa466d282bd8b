using System.Text;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.EndToEndTests;

/// <summary>The whole life of an application in the browser: applicant pages and the staff workbench, in Chinese.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicationBrowserTests(BrowserTests.ServedDemoApp app) : IClassFixture<BrowserTests.ServedDemoApp>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Lease = "经营场所使用相关文件";

    [Fact]
    public async Task A_citizen_applies_a_clerk_asks_for_a_supplement_the_citizen_supplies_it_and_the_case_is_approved_completed_and_rated()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var citizen = await SignedInPageAsync(browser, "511602199003071232", "Demo2026citizen");
        var clerk = await SignedInPageAsync(browser, "GA-CLERK", "Demo2026staff");
        var approver = await SignedInPageAsync(browser, "GA-APPROVER", "Demo2026staff");

        // The citizen applies from the guide; the form comes pre-filled from the verified identity.
        await citizen.GotoAsync(app.BaseAddress + "/items/511602-SCJG-001");
        await citizen.GetByTestId("apply").ClickAsync();
        await citizen.ReachesAsync("**/apply/**");
        var prefilledName = await citizen.Locator("input[name='f.applicantName']").InputValueAsync();
        await citizen.Locator("textarea[name='f.request']").FillAsync("在广安区开设一家小吃店");
        await Shot(citizen, "apply-form");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "保存并上传材料" }).ClickAsync();
        await citizen.ReachesAsync("**/my/cases/**");
        var caseUrl = citizen.Url.Split('?')[0];
        foreach (var material in new[] { "个体工商户登记（备案）申请书", "经营者居民身份证", Lease })
        {
            await UploadAsync(citizen, material);
        }

        await ActAsync(citizen, "submit");
        var number = await citizen.GetByTestId("case-number").InnerTextAsync();

        // The clerk finds it in the queue and asks, once, for the missing signature on the lease.
        await clerk.GotoAsync(app.BaseAddress + "/workbench");
        await clerk.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await clerk.ReachesAsync("**/workbench/cases/**");
        await clerk.GetByTestId("supplement-items").GetByLabel(Lease).CheckAsync();
        await clerk.GetByTestId("act-request-supplement").Locator("input[name=opinion]").FillAsync("租赁合同缺少出租方签字");
        await ActAsync(clerk, "request-supplement");
        var workbenchUrl = clerk.Url.Split('?')[0];

        // The citizen sees the one-time notice, uploads the signed lease and sends the supplement.
        await citizen.GotoAsync(caseUrl);
        var notice = await citizen.GetByTestId("supplement-notice").InnerTextAsync();
        await Shot(citizen, "supplement-notice");
        await UploadAsync(citizen, Lease, "lease-signed.pdf");
        await ActAsync(citizen, "supplement");

        // Acceptance, review, decision and completion.
        await clerk.GotoAsync(workbenchUrl);
        await ActAsync(clerk, "accept");
        await approver.GotoAsync(workbenchUrl);
        await approver.GetByTestId("act-pass-step").Locator("input[name=opinion]").FillAsync("材料齐全");
        await ActAsync(approver, "pass-step");
        await approver.GetByTestId("act-decide").Locator("input[name=opinion]").FillAsync("符合设立条件，准予登记");
        await ActAsync(approver, "decide");
        await clerk.GotoAsync(workbenchUrl);
        await ActAsync(clerk, "complete");
        await Shot(clerk, "workbench-completed");

        // The citizen rates the service.
        await citizen.GotoAsync(caseUrl);
        var state = await citizen.GetByTestId("case-state").InnerTextAsync();
        await citizen.GetByTestId("rate-form").GetByLabel("非常满意").CheckAsync();
        await citizen.GetByTestId("rate-form").GetByRole(AriaRole.Button).ClickAsync();
        await citizen.ReachesAsync("**done=rated");
        var ratings = await citizen.GetByTestId("ratings").InnerTextAsync();
        var timeline = await citizen.GetByTestId("timeline").InnerTextAsync();
        await Shot(citizen, "case-completed-rated");

        prefilledName.ShouldBe("张广安");
        number.Length.ShouldBe(21);
        notice.ShouldContain(Lease);
        state.ShouldBe("已办结");
        ratings.ShouldContain("非常满意");
        timeline.ShouldContain("补齐补正");
        timeline.ShouldContain("准予");
    }

    private Task<IPage> SignedInPageAsync(IBrowser browser, string login, string password) =>
        BrowserSession.SignInAsync(browser, app.BaseAddress, login, password, "/account");

    private static async Task UploadAsync(IPage page, string material, string fileName = "scan.pdf")
    {
        await BrowserSession.FreshAsync(page);
        var form = page.GetByTestId("upload-" + material);
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n% " + material.Length + "\n"),
        });
        await form.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await page.ReachesAsync("**done=uploaded");
    }

    /// <summary>Presses an action's button and waits for the answer; a refusal or a failure fails with the page it led to.</summary>
    private static async Task ActAsync(IPage page, string action)
    {
        var before = page.Url;
        await page.GetByTestId("act-" + action).GetByRole(AriaRole.Button).ClickAsync();
        await page.ReachesAsync(url => url != before);
        if (!page.Url.Contains("done=" + action, StringComparison.Ordinal))
        {
            await Shot(page, "refused-" + action);
            var body = await page.Locator("body").InnerTextAsync();
            throw new Shouldly.ShouldAssertException($"{action} was not done: {page.Url}\n{body[..Math.Min(body.Length, 3000)]}");
        }
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), name + ".png"), FullPage = true });
}

using System.Text;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using Yiwang.Host.Cli;
using Yiwang.TestKit;

namespace Yiwang.EndToEndTests;

/// <summary>The demo platform served over HTTP with its dispatch model in a directory of its own.</summary>
public sealed class HotlineServedApp : YiwangDemoApp
{
    public string ModelDirectory { get; } = Directory.CreateTempSubdirectory("hotline-model-").FullName;

    protected override bool UseRealServer => true;

    protected override string[] ExtraArgs => [$"--Hotline:ModelPath={ModelDirectory}", "--Hotline:AutoDispatchConfidence=0.5"];
}

/// <summary>12345 in the browser: a citizen files a complaint, it is dispatched automatically, the department replies, the citizen rates it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HotlineBrowserTests(HotlineServedApp app) : IClassFixture<HotlineServedApp>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_citizen_files_a_complaint_it_is_dispatched_automatically_the_department_replies_and_the_citizen_rates_it()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        await TrainAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        var citizen = await SignInAsync(browser, "510107198511124563", "Demo2026citizen", "/hotline/new");
        var form = citizen.GetByTestId("ticket-form");
        await form.GetByLabel("标题").FillAsync("小区路灯坏了");
        await form.GetByLabel("具体内容").FillAsync("我们小区门口的路灯坏了两个星期，晚上很黑，请尽快维修。");
        await form.GetByLabel("所在区县代码").FillAsync("510107");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await citizen.ReachesAsync("**done=filed**");
        var ticketUrl = new Uri(citizen.Url).AbsolutePath;
        var filedState = await citizen.GetByTestId("ticket-state").GetAttributeAsync("data-state");
        var department = await citizen.GetByTestId("ticket-department").GetAttributeAsync("data-code");

        var clerk = await SignInAsync(browser, "WH-CLERK", "Demo2026staff", "/hotline/tickets");
        await clerk.GetByTestId("tickets").GetByRole(AriaRole.Link).First.ClickAsync();
        await clerk.ReachesAsync("**" + ticketUrl);
        await clerk.GetByTestId("reply-form").GetByLabel("答复").FillAsync("已安排维修人员，明日修复。");
        await clerk.GetByTestId("reply-form").GetByRole(AriaRole.Button).ClickAsync();
        await clerk.ReachesAsync("**done=reply**");

        await clerk.GotoAsync(app.BaseAddress + "/hotline/indicators");
        var indicators = await clerk.GetByTestId("indicators").InnerTextAsync();

        await citizen.GotoAsync(app.BaseAddress + ticketUrl);
        var reply = await citizen.GetByTestId("ticket-reply").InnerTextAsync();
        await citizen.GetByTestId("rate-form").GetByLabel("非常满意").CheckAsync();
        await citizen.GetByTestId("rate-form").GetByRole(AriaRole.Button).ClickAsync();
        await citizen.ReachesAsync("**done=rate**");
        var closedState = await citizen.GetByTestId("ticket-state").GetAttributeAsync("data-state");
        await citizen.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "hotline-ticket-closed.png"), FullPage = true });

        filedState.ShouldBe("Dispatched");
        department.ShouldBe("WH-MZ");
        reply.ShouldContain("明日修复");
        closedState.ShouldBe("Closed");
        indicators.ShouldContain("武侯区民政局");
    }

    /// <summary>Trains the platform's dispatch model with the command line, as an operator would.</summary>
    private async Task TrainAsync()
    {
        var data = Directory.CreateTempSubdirectory("yiwang-hotline-train-").FullName;
        try
        {
            await TrainFromAsync(data);
        }
        finally
        {
            Directory.Delete(data, recursive: true); // the command's own data directory, SQLite file included
        }
    }

    private async Task TrainFromAsync(string data)
    {
        var csv = Path.Combine(data, "labelled.csv");
        await File.WriteAllTextAsync(csv, """
            留言主题,留言详情,一级分类
            小区路灯不亮,小区门口的路灯坏了一个月，晚上出行不安全,城乡建设
            楼道灯坏了,单元楼道灯长期不亮，请物业维修,城乡建设
            路灯损坏,街边路灯损坏无人维修,城乡建设
            公交线路调整,希望恢复原来的公交线路，换乘很不方便,交通运输
            公交车不按站停靠,公交车经常不进站停车，乘客上车危险,交通运输
            出租车拒载,晚上打车出租车司机拒载还绕路,交通运输
            """, new UTF8Encoding(false), TestContext.Current.CancellationToken);
        (await YiwangCli.RunAsync(["hotline", "train", "--input", csv, "--model", app.ModelDirectory, "--data", data])).ShouldBe(0);
    }

    private Task<IPage> SignInAsync(IBrowser browser, string login, string password, string returnUrl) =>
        BrowserSession.SignInAsync(browser, app.BaseAddress, login, password, returnUrl);
}

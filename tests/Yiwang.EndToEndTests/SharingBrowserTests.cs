using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.EndToEndTests;

/// <summary>The demo platform served over HTTP.</summary>
public sealed class SharingServedApp : YiwangDemoApp
{
    protected override bool UseRealServer => true;
}

/// <summary>
/// Two departments share data in the browser: 广安区市场监管局 publishes a conditional resource and loads it, 武侯区民政局
/// requests it, the provider approves, the consumer's system gets masked data, and the citizen sees the use.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharingBrowserTests(SharingServedApp app) : IClassFixture<SharingServedApp>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Code = "511602-SCJG-SPXK";

    [Fact]
    public async Task A_provider_publishes_a_consumer_requests_the_provider_approves_the_call_is_masked_and_the_citizen_sees_the_use()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed (CI installs it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        var provider = await BrowserSession.SignInAsync(browser, app.BaseAddress, "GA-DATA", "Demo2026staff", "/sharing/publish");
        var publish = provider.GetByTestId("publish-form");
        await publish.GetByLabel("资源代码").FillAsync(Code);
        await publish.GetByLabel("资源名称").FillAsync("食品经营许可信息");
        await publish.GetByLabel("资源摘要").FillAsync("广安区食品经营许可证的持证主体、许可证编号与经营者身份。");
        await publish.GetByLabel("信息项").FillAsync(
            "creditCode,统一社会信用代码,CreditCode,18,1,key|required\nlicenceNo,许可证编号,Text,20,1,required\n"
            + "holderName,经营者姓名,PersonName,50,2,personal|sensitive\nholderIdNumber,经营者身份证号,IdNumber,18,3,personal|sensitive|key|required");
        await publish.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await provider.ReachesAsync("**done=published**");
        var shareType = await provider.GetByTestId("share-type").InnerTextAsync();

        await provider.GetByTestId("upload-form").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "spxk.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("统一社会信用代码,许可证编号,经营者姓名,经营者身份证号\n92511602MA6000TG0X,JY25116020000001,张广安,511602199003071232\n"),
        });
        await provider.GetByTestId("upload-form").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await provider.ReachesAsync("**done=loaded**");
        var records = await provider.GetByTestId("record-count").InnerTextAsync();

        var consumer = await BrowserSession.SignInAsync(browser, app.BaseAddress, "WH-DATA", "Demo2026staff", "/sharing/resources/" + Code);
        var request = consumer.GetByTestId("request-form");
        await request.GetByLabel("使用系统（客户端 ID）").FillAsync("wh-mz-marriage");
        await request.GetByLabel("用途").FillAsync("婚姻登记时核验经营者身份");
        await request.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await consumer.ReachesAsync("**done=requested**");
        var pending = await consumer.GetByTestId("requests").InnerTextAsync();

        await provider.GotoAsync(app.BaseAddress + "/sharing/requests");
        await provider.GetByTestId("decide-form").First.GetByTestId("approve").ClickAsync();
        await provider.ReachesAsync("**done=decided**");
        var granted = await provider.GetByTestId("requests").InnerTextAsync();

        var answer = await CallAsync(new { filters = new { holderIdNumber = "511602199003071232" }, purpose = "婚姻登记核验", caseRef = "510107-20261130-0009" });

        var citizen = await BrowserSession.SignInAsync(browser, app.BaseAddress, "511602199003071232", "Demo2026citizen", "/my/data-use");
        var uses = await citizen.GetByTestId("data-use").InnerTextAsync();
        await citizen.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), "sharing-data-use.png"), FullPage = true });

        shareType.ShouldBe("有条件共享");
        records.ShouldBe("1");
        pending.ShouldContain("待审核");
        granted.ShouldContain("已授权");
        var record = answer.GetProperty("records").EnumerateArray().Single();
        record.GetProperty("holderIdNumber").GetString().ShouldBe("5****************2");
        record.GetProperty("holderName").GetString().ShouldBe("张**");
        record.GetProperty("licenceNo").GetString().ShouldBe("JY25116020000001");
        uses.ShouldContain("武侯区民政局");
        uses.ShouldContain("婚姻登记核验");
    }

    /// <summary>The consumer's system signs in with client credentials and looks the record up.</summary>
    private async Task<JsonElement> CallAsync(object body)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseAddress) };
        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "wh-mz-marriage", ["client_secret"] = "demo-system-secret-2026", ["scope"] = "api",
        }));
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        var response = await http.PostAsJsonAsync($"/api/v1/sharing/resources/{Code}/query", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

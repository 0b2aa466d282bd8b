using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Yiwang.EndToEndTests;

/// <summary>
/// The browser tests share one collection: they run one after another, not beside each other, because several
/// Chromium instances and served platforms on CI's two cores (with the other test assemblies running too) made page
/// loads miss Playwright's 30-second default. Pages also wait up to 90 seconds: slow is not wrong here.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

/// <summary>New pages with patient time limits, and signing in through the sign-in page.</summary>
internal static class BrowserSession
{
    internal const float Patience = 90_000;

    /// <summary>
    /// Before a step that ends on the URL the page already shows (a second upload: <c>?done=uploaded</c> again), opens
    /// the page afresh without its query, so that waiting for the URL waits for the step and not for what came before.
    /// </summary>
    public static async Task FreshAsync(IPage page)
    {
        if (page.Url.Contains('?', StringComparison.Ordinal))
        {
            await page.GotoAsync(page.Url.Split('?')[0]);
        }
    }

    public static async Task<IPage> NewPageAsync(IBrowser browser, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        return await context.NewPageAsync();
    }

    /// <summary>Signs a fresh browser context in and waits for the page it returns to.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, string baseAddress, string login, string password, string returnUrl)
    {
        var page = await NewPageAsync(browser);
        await SignInAsync(page, baseAddress, login, password, returnUrl);
        return page;
    }

    /// <summary>Signs an open page in through the sign-in page and waits for the page it returns to.</summary>
    public static async Task SignInAsync(IPage page, string baseAddress, string login, string password, string returnUrl)
    {
        await page.GotoAsync(baseAddress + "/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("身份证号码或工作人员账号").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.ReachesAsync("**" + returnUrl);
    }

    /// <summary>
    /// Waits until the page is at a URL matching the glob <paramref name="pattern"/> (<c>**</c> any characters,
    /// <c>*</c> any but a slash, everything else literal). When it does not get there, the failure says where the page
    /// is instead and what it shows, and keeps a screenshot.
    /// </summary>
    public static Task ReachesAsync(this IPage page, string pattern) => ReachesAsync(page, pattern, Glob(pattern).IsMatch);

    /// <summary>As above, for a URL the caller recognises (for example any URL but the one the page was at).</summary>
    public static Task ReachesAsync(this IPage page, Func<string, bool> accepts) => ReachesAsync(page, "the URL expected", accepts);

    /// <summary>
    /// Watches the page's URL rather than waiting for a navigation event: Playwright's WaitForURL sometimes missed a
    /// navigation that committed while it was being set up on a loaded CI machine, and then waited out its whole time
    /// limit with the page already at the URL it waited for.
    /// </summary>
    private static async Task ReachesAsync(IPage page, string expected, Func<string, bool> accepts)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Patience);
        while (!accepts(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new PageNotReachedException(expected, await DescribeAsync(page));
            }

            await Task.Delay(50);
        }
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    private static async Task<string> DescribeAsync(IPage page)
    {
        var shown = new List<string> { "the page is at " + page.Url };
        try
        {
            var file = Path.Combine(Yiwang.TestKit.RepositoryPaths.Artifacts("screenshots"), $"not-reached-{DateTime.UtcNow:HHmmss-fff}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 10_000 });
            shown.Add("screenshot " + file);
            var text = await page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 10_000 });
            var line = string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            shown.Add("it shows: " + (line.Length > 800 ? line[..800] : line));
        }
        catch (PlaywrightException e)
        {
            shown.Add("and could not be described: " + e.Message.Split('\n')[0]);
        }

        return string.Join("; ", shown);
    }
}

/// <summary>A page that did not arrive where a step should have taken it, with what it showed instead.</summary>
public sealed class PageNotReachedException(string pattern, string description)
    : Exception($"The page did not reach {pattern} within {BrowserSession.Patience / 1000:F0} s: {description}");

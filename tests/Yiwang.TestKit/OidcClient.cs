using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace Yiwang.TestKit;

/// <summary>Plays a browser and a third-party app: signs in on the platform's page, runs the code flow with PKCE.</summary>
public sealed partial class OidcClient(YiwangApp app)
{
    public const string ClientId = "yiwang-demo-app";
    public const string RedirectUri = "http://127.0.0.1:5080/demo-app/callback";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public HttpClient Browser { get; } = app.BrowserClient();

    public async Task<HttpResponseMessage> SignInAsync(string login, string password, string returnUrl = "/account")
    {
        var page = await Browser.GetStringAsync("/account/sign-in", _ct);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return await Browser.PostAsync("/account/session", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["loginName"] = login,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), _ct);
    }

    /// <summary>The antiforgery token of a page's forms, read from the page as a browser would before posting one.</summary>
    public async Task<string> AntiforgeryTokenAsync(string pagePath)
    {
        var token = AntiforgeryField().Match(await Browser.GetStringAsync(pagePath, _ct)).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return WebUtility.HtmlDecode(token);
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>Asks for a code; returns the redirect the provider answered with.</summary>
    public async Task<Uri> AuthorizeAsync(string challenge, string extra = "")
    {
        var url = $"/connect/authorize?client_id={ClientId}&response_type=code&scope=openid%20profile%20api%20offline_access" +
            $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=s1{extra}";
        var response = await Browser.GetAsync(url, _ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(_ct));
        return response.Headers.Location!;
    }

    public async Task<HttpResponseMessage> ExchangeAsync(string code, string verifier) =>
        await app.Client().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
            ["code_verifier"] = verifier,
        }), _ct);

    /// <summary>The whole dance for a person: sign in, authorize, exchange; returns the token response.</summary>
    public async Task<JsonElement> TokensForAsync(string login, string password)
    {
        (await SignInAsync(login, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (verifier, challenge) = Pkce();
        var redirect = await AuthorizeAsync(challenge);
        var response = await ExchangeAsync(Query(redirect, "code")!, verifier);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
    }

    public HttpClient Bearer(string accessToken)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    public static string? Query(Uri uri, string name) =>
        System.Web.HttpUtility.ParseQueryString(uri.Query)[name];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

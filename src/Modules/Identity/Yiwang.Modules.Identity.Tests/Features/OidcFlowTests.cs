using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.Modules.Identity.Seeding;
using Yiwang.TestKit;

namespace Yiwang.Modules.Identity.Tests.Features;

public sealed class OidcFlowTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_discovery_document_and_key_set_are_published()
    {
        var discovery = await app.Client().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", _ct);
        var jwks = await app.Client().GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery, _ct);

        discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ShouldBe(["authorization_code", "client_credentials", "refresh_token"], ignoreOrder: true);
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(g => g.GetString()).ShouldContain("S256");
        jwks.GetProperty("keys")[0].GetProperty("kty").GetString().ShouldBe("RSA");
    }

    [Fact]
    public async Task A_citizen_signs_in_through_the_code_flow_with_pkce_and_reads_their_account()
    {
        var oidc = new OidcClient(app);

        var tokens = await oidc.TokensForAsync(IdentityDemoSeeder.RepresentativeId, IdentityDemoSeeder.CitizenPassword);
        var me = await oidc.Bearer(tokens.GetProperty("access_token").GetString()!).GetFromJsonAsync<JsonElement>("/api/v1/identity/me", _ct);

        me.GetProperty("name").GetString().ShouldBe("张广安");
        me.GetProperty("idNumberMasked").GetString().ShouldBe("5****************2");
        me.GetProperty("represents")[0].GetProperty("creditCode").GetString().ShouldBe(IdentityDemoSeeder.EnterpriseCode);
        tokens.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_authorization_code_cannot_be_used_twice()
    {
        var oidc = new OidcClient(app);
        await oidc.SignInAsync(IdentityDemoSeeder.AgentId, IdentityDemoSeeder.CitizenPassword);
        var (verifier, challenge) = OidcClient.Pkce();
        var code = OidcClient.Query(await oidc.AuthorizeAsync(challenge), "code")!;

        var first = await oidc.ExchangeAsync(code, verifier);
        var replay = await oidc.ExchangeAsync(code, verifier);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replay.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task A_wrong_pkce_verifier_is_refused()
    {
        var oidc = new OidcClient(app);
        await oidc.SignInAsync(IdentityDemoSeeder.AgentId, IdentityDemoSeeder.CitizenPassword);
        var (_, challenge) = OidcClient.Pkce();
        var code = OidcClient.Query(await oidc.AuthorizeAsync(challenge), "code")!;

        var response = await oidc.ExchangeAsync(code, OidcClient.Pkce().Verifier);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Authorizing_without_a_session_sends_the_browser_to_the_sign_in_page()
    {
        var oidc = new OidcClient(app);

        var redirect = await oidc.AuthorizeAsync(OidcClient.Pkce().Challenge);

        redirect.ToString().ShouldContain("/account/sign-in");
        redirect.ToString().ShouldContain("ReturnUrl=");
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_until_it_is_revoked()
    {
        var oidc = new OidcClient(app);
        var tokens = await oidc.TokensForAsync(IdentityDemoSeeder.AgentId, IdentityDemoSeeder.CitizenPassword);
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        FormUrlEncodedContent Refresh(string token) => new(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = token, ["client_id"] = OidcClient.ClientId });

        var refreshed = await app.Client().PostAsync("/connect/token", Refresh(refresh), _ct);
        var newRefresh = (await refreshed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("refresh_token").GetString()!;
        var revoke = await app.Client().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = newRefresh, ["client_id"] = OidcClient.ClientId }), _ct);
        var afterRevoke = await app.Client().PostAsync("/connect/token", Refresh(newRefresh), _ct);

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterRevoke.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_is_refused_with_401()
    {
        var oidc = new OidcClient(app);
        var token = (await oidc.TokensForAsync(IdentityDemoSeeder.AgentId, IdentityDemoSeeder.CitizenPassword)).GetProperty("access_token").GetString()!;
        var parts = token.Split('.');
        var tampered = parts[0] + "." + parts[1] + "." + new string(parts[2].Reverse().ToArray());
        const string foreign = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiYXVkIjoib3RoZXIifQ.c2lnbmF0dXJl";

        (await oidc.Bearer(tampered).GetAsync("/api/v1/identity/me", _ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await oidc.Bearer(foreign).GetAsync("/api/v1/identity/me", _ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client().GetAsync("/api/v1/identity/me", _ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_department_system_gets_a_token_with_its_client_credentials()
    {
        var registered = await app.AdminClient().PostAsJsonAsync("/api/v1/identity/clients", new { clientId = "ga-scjg-system", departmentCode = "GA-SCJG", displayName = "广安区市场监管业务系统" }, _ct);
        var secret = (await registered.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("clientSecret").GetString()!;
        FormUrlEncodedContent Request(string s) => new(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "ga-scjg-system", ["client_secret"] = s, ["scope"] = "api" });

        var token = await app.Client().PostAsync("/connect/token", Request(secret), _ct);
        var wrong = await app.Client().PostAsync("/connect/token", Request("not-the-secret"), _ct);
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("access_token").GetString()!;
        var me = await new OidcClient(app).Bearer(access).GetFromJsonAsync<JsonElement>("/api/v1/identity/me", _ct);

        registered.StatusCode.ShouldBe(HttpStatusCode.Created);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        me.GetProperty("kind").GetString().ShouldBe("department-system");
        me.GetProperty("departmentCode").GetString().ShouldBe("GA-SCJG");
    }

    [Fact]
    public async Task Registering_a_client_needs_a_platform_admin_and_a_known_department()
    {
        var citizen = new OidcClient(app);
        var token = (await citizen.TokensForAsync(IdentityDemoSeeder.AgentId, IdentityDemoSeeder.CitizenPassword)).GetProperty("access_token").GetString()!;

        var byCitizen = await citizen.Bearer(token).PostAsJsonAsync("/api/v1/identity/clients", new { clientId = "x-system", departmentCode = "GA-SCJG" }, _ct);
        var unknownDepartment = await app.AdminClient().PostAsJsonAsync("/api/v1/identity/clients", new { clientId = "y-system", departmentCode = "NOPE" }, _ct);

        byCitizen.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await unknownDepartment.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.invalid_client");
    }
}

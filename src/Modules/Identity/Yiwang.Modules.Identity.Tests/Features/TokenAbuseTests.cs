using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;
using Yiwang.Modules.Identity.Persistence;
using Yiwang.Modules.Identity.Seeding;
using Yiwang.TestKit;

namespace Yiwang.Modules.Identity.Tests.Features;

public sealed class TokenAbuseTests(TokenAbuseTests.ShortTokenApp app) : IClassFixture<TokenAbuseTests.ShortTokenApp>
{
    /// <summary>Access tokens live three seconds here, so expiry can be observed.</summary>
    public sealed class ShortTokenApp : YiwangDemoApp
    {
        protected override string[] ExtraArgs => ["--Identity:AccessTokenMinutes=0.05"];
    }

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expired_access_token_is_refused()
    {
        var oidc = new OidcClient(app);
        var token = (await oidc.TokensForAsync(IdentityDemoSeeder.AgentId, IdentityDemoSeeder.CitizenPassword)).GetProperty("access_token").GetString()!;
        var fresh = await oidc.Bearer(token).GetAsync("/api/v1/identity/me", _ct);

        await Task.Delay(TimeSpan.FromSeconds(4), _ct);
        var expired = await oidc.Bearer(token).GetAsync("/api/v1/identity/me", _ct);

        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_our_key_but_for_another_audience_is_refused()
    {
        // The keys are created on first use; the discovery keys endpoint is such a use, whichever test runs first.
        (await app.Client().GetAsync("/.well-known/jwks", _ct)).EnsureSuccessStatusCode();
        await using var scope = app.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Keys.FirstAsync(k => k.Purpose == "signing", _ct);
        // Not disposed, and with its own uncached provider factory: IdentityModel caches signature providers per key
        // process-wide, so a disposed copy of the server's key would break the server's own signing afterwards.
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.Material), out _);
        var testKey = new RsaSecurityKey(rsa) { KeyId = key.Id.ToString("N")[..16], CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };
        string Token(string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://localhost/",
            Audience = audience,
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["yiwang:kind"] = "Citizen" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(testKey, SecurityAlgorithms.RsaSha256),
        });

        var foreign = await new OidcClient(app).Bearer(Token("some-other-api")).GetAsync("/api/v1/identity/me", _ct);
        var ours = await new OidcClient(app).Bearer(Token("yiwang-api")).GetAsync("/api/v1/identity/me", _ct);

        foreign.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ours.StatusCode.ShouldBe(HttpStatusCode.OK, "control: the same token for our audience is accepted, so the refusal above is the audience");
    }
}

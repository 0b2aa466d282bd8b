using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Yiwang.Modules.Identity;

/// <summary>
/// Bearer authentication that remembers a validated access token until it expires (at most five minutes), so a client
/// calling many times pays for signature and claim validation once. Semantics do not change: access tokens are
/// self-contained JWTs, which OpenIddict's validation does not look up for revocation either; a token that fails
/// validation is never cached. Challenges and forbids go to OpenIddict, which writes the proper WWW-Authenticate.
/// </summary>
internal sealed class CachedBearerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BearerTokenCache tokens, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "yiwang.bearer";
    private static readonly TimeSpan MaxCacheTime = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header[7..].Trim();
        var cache = tokens.Cache;
        if (cache.TryGetValue<ClaimsPrincipal>(("bearer", token), out var cached) && cached is not null)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(cached, SchemeName));
        }

        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is null)
        {
            return result.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(result.Failure ?? new InvalidOperationException("Invalid token."));
        }

        // Cache only up to the token's own expiry, read from the validated principal; unknown expiry: no caching.
        var now = clock.GetUtcNow();
        var tokenExpiry = result.Principal.GetExpirationDate() ?? result.Properties?.ExpiresUtc;
        var expires = tokenExpiry is { } e && e - now < MaxCacheTime ? e : now + MaxCacheTime;
        if (tokenExpiry is not null && expires > now)
        {
            cache.Set(("bearer", token), result.Principal, new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = 1 });
        }

        return AuthenticateResult.Success(new AuthenticationTicket(result.Principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, properties);
}

/// <summary>The cache of validated access tokens: its own bounded instance, apart from the application's shared cache.</summary>
internal sealed class BearerTokenCache : IDisposable
{
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public void Dispose() => Cache.Dispose();
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Yiwang.Modules.Identity.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Yiwang.Modules.Identity.Features;

/// <summary>
/// The OpenID Connect endpoints the platform decides itself: who is signed in at /connect/authorize, what a token
/// carries at /connect/token (code, refresh and client credentials grants), and sign-out. OpenIddict does the protocol.
/// </summary>
internal static class OidcEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)Authorize).ExcludeFromDescription();
        app.MapPost("/connect/token", (Delegate)Token).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)Logout).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> Authorize(HttpContext context, IdentityDbContext db)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(IdentityModule.CookieScheme);
        var accountId = session.Succeeded ? Principals.AccountId(session.Principal!) : null;
        var account = accountId is { } id ? await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) : null;
        if (account is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(Problem(Errors.LoginRequired, "The user is not signed in."), [Server]);
            }

            IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters = context.Request.HasFormContentType ? context.Request.Form : context.Request.Query;
            var query = QueryString.Create(parameters.Where(p => p.Key != "prompt").Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + query }, [IdentityModule.CookieScheme]);
        }

        return Issue(Principals.For(account, Server), request.GetScopes());
    }

    private static async Task<IResult> Token(HttpContext context, IdentityDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock, Yiwang.Kernel.Auditing.IActorAccessor actor)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var properties = await applications.GetPropertiesAsync(application);
            // No account kind claim: that is how the platform tells a department system from a person.
            var identity = new ClaimsIdentity(Server, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId)
                .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? request.ClientId)
                .SetClaim(Principals.DepartmentClaim, properties.TryGetValue("department", out var dept) && dept.ValueKind == JsonValueKind.String ? dept.GetString() : null);
            db.Audit.Add(Yiwang.Kernel.Auditing.AuditEntry.Record(actor.Current, "identity.client_signed_in", request.ClientId!, null, clock));
            await db.SaveChangesAsync();
            return Issue(identity, request.GetScopes());
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(Server);
            var accountId = result.Principal is { } p ? Principals.AccountId(p) : null;
            var account = accountId is { } id ? await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) : null;
            if (account is null || account.IsLockedOut(clock.GetUtcNow()))
            {
                return Results.Forbid(Problem(Errors.InvalidGrant, "The account no longer exists or is locked."), [Server]);
            }

            // Rebuild from the account, so that role or trust changes reach refreshed tokens.
            return Issue(Principals.For(account, Server), result.Principal!.GetScopes());
        }

        return Results.Forbid(Problem(Errors.UnsupportedGrantType, "This grant type is not supported."), [Server]);
    }

    private static async Task<IResult> Logout(HttpContext context)
    {
        await context.SignOutAsync(IdentityModule.CookieScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
    }

    /// <summary>Every token the platform issues is for its API, with claims sent where <see cref="Destinations"/> says.</summary>
    private static IResult Issue(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(IdentityModule.ApiResource);
        identity.SetDestinations(Destinations);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, Server);
    }

    private static AuthenticationProperties Problem(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });

    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Name when claim.Subject!.HasScope(Scopes.Profile) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}

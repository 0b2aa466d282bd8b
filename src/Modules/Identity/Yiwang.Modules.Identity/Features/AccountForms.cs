using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity.Features;

/// <summary>
/// The form posts behind the web pages (/account/register, /account): they take the same paths through the domain as
/// the JSON API and answer with a redirect carrying a stable error code for the page to show.
/// </summary>
internal static class AccountForms
{
    public static void MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/registration", Register).ExcludeFromDescription();
        app.MapPost("/account/legal-persons", RegisterLegalPerson).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/account/grants", Grant).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/account/grants/revoke", Revoke).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/account/phone/send", SendCode).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/account/phone/confirm", ConfirmCode).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/account/real-name", RealName).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> SendCode([FromForm] string? unused, ClaimsPrincipal user, TrustUpgrades upgrades, CancellationToken ct)
    {
        var result = Principals.AccountId(user) is { } id ? await upgrades.SendPhoneCodeAsync(id, ct) : IdentityErrors.NotACitizen;
        return Results.LocalRedirect(result.IsFailure ? $"/account?error={result.Error!.Code}" : "/account?done=code-sent");
    }

    private static async Task<IResult> ConfirmCode([FromForm] string? code, ClaimsPrincipal user, TrustUpgrades upgrades, CancellationToken ct)
    {
        var result = Principals.AccountId(user) is { } id ? await upgrades.ConfirmPhoneAsync(id, code, ct) : IdentityErrors.NotACitizen;
        return Results.LocalRedirect(result.IsFailure ? $"/account?error={result.Error!.Code}" : "/account?done=phone-verified");
    }

    private static async Task<IResult> RealName([FromForm] string? name, ClaimsPrincipal user, TrustUpgrades upgrades, CancellationToken ct)
    {
        var result = Principals.AccountId(user) is { } id ? await upgrades.VerifyRealNameAsync(id, name, ct) : IdentityErrors.NotACitizen;
        return Results.LocalRedirect(result.IsFailure ? $"/account?error={result.Error!.Code}" : "/account?done=real-name");
    }

    private static async Task<IResult> Register(
        [FromForm] string? name, [FromForm] string? idNumber, [FromForm] string? phone, [FromForm] string? password,
        IdentityDbContext db, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var registered = await RegisterCitizen.RegisterAsync(new RegisterCitizen.Request(name, idNumber, phone, password), db, clock, actor, ct);
        return Results.LocalRedirect(registered.IsFailure ? $"/account/register?error={registered.Error!.Code}" : "/account/sign-in?registered=1");
    }

    private static async Task<IResult> RegisterLegalPerson([FromForm] string? creditCode, [FromForm] string? name, ClaimsPrincipal user, AgentGrantService grants, CancellationToken ct)
    {
        var result = Principals.AccountId(user) is { } id ? await grants.RegisterLegalPersonAsync(id, creditCode, name, ct) : IdentityErrors.LegalPersonNotFound;
        return Results.LocalRedirect(result.IsFailure ? $"/account?error={result.Error!.Code}" : "/account?done=legal-person");
    }

    private static async Task<IResult> Grant(
        [FromForm] string? creditCode, [FromForm] string? agentIdNumber, [FromForm] string? validUntil, [FromForm] string? items,
        ClaimsPrincipal user, AgentGrantService grants, CancellationToken ct)
    {
        DateTime? until = DateOnly.TryParse(validUntil, CultureInfo.InvariantCulture, out var date)
            ? new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8)).UtcDateTime
            : null;
        var list = (items ?? "").Split([',', '，', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = Principals.AccountId(user) is { } id && creditCode is not null
            ? (await grants.GrantAsync(id, creditCode, agentIdNumber, list, until, ct)).Error
            : IdentityErrors.LegalPersonNotFound;
        return Results.LocalRedirect(result is not null ? $"/account?error={result.Code}" : "/account?done=granted");
    }

    private static async Task<IResult> Revoke([FromForm] string? creditCode, [FromForm] Guid grantId, ClaimsPrincipal user, AgentGrantService grants, CancellationToken ct)
    {
        var result = Principals.AccountId(user) is { } id && creditCode is not null
            ? await grants.RevokeAsync(id, creditCode, grantId, ct)
            : IdentityErrors.LegalPersonNotFound;
        return Results.LocalRedirect(result.IsFailure ? $"/account?error={result.Error!.Code}" : "/account?done=revoked");
    }
}

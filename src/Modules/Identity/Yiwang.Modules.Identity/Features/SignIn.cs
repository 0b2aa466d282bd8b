using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity.Features;

/// <summary>
/// The platform's own sign-in form (the page is rendered by the host at /account/sign-in) and sign-out. Every
/// success and failure is audited with address and user agent; five failures lock the account for 15 minutes.
/// </summary>
internal static class SignIn
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/session", Handle).ExcludeFromDescription();
        app.MapPost("/account/sign-out", SignOut).ExcludeFromDescription();
    }

    private static async Task<IResult> Handle(
        [FromForm] string? loginName, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext http, IdentityDbContext db, TimeProvider clock, IActorAccessor actor)
    {
        var back = LocalUrl.OrDefault(returnUrl, "/account");
        var login = loginName?.Trim().ToUpperInvariant() ?? "";
        var account = login.Length is > 0 and <= 64 ? await db.Accounts.FirstOrDefaultAsync(a => a.LoginName == login) : null;
        if (account is null || string.IsNullOrEmpty(password))
        {
            // Same answer as a wrong password: whether an account exists is not disclosed.
            db.Audit.Add(AuditEntry.Record(actor.Current, "identity.sign_in_failed", Mask(login), "unknown account", clock));
            await db.SaveChangesAsync();
            return Results.LocalRedirect($"/account/sign-in?error=invalid&returnUrl={Uri.EscapeDataString(back)}");
        }

        var result = account.SignIn(password, clock.GetUtcNow());
        db.Audit.Add(AuditEntry.Record(actor.Current, result.IsFailure ? "identity.sign_in_failed" : "identity.signed_in", account.Id.ToString(), result.Error?.Code, clock));
        await db.SaveChangesAsync();
        if (result.IsFailure)
        {
            var error = result.Error!.Code == "identity.locked_out" ? "locked" : "invalid";
            return Results.LocalRedirect($"/account/sign-in?error={error}&returnUrl={Uri.EscapeDataString(back)}");
        }

        await http.SignInAsync(IdentityModule.CookieScheme, new ClaimsPrincipal(Principals.For(account, IdentityModule.CookieScheme)));
        return Results.LocalRedirect(back);
    }

    private static async Task<IResult> SignOut(HttpContext http, IdentityDbContext db, TimeProvider clock, IActorAccessor actor)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            db.Audit.Add(AuditEntry.Record(actor.Current, "identity.signed_out", actor.Current.Id, null, clock));
            await db.SaveChangesAsync();
        }

        await http.SignOutAsync(IdentityModule.CookieScheme);
        return Results.LocalRedirect("/");
    }

    private static string Mask(string login) => login.Length == 18 ? ResidentIdNumber.Mask(login) : login;
}

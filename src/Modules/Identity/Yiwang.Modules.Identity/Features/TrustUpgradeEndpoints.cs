using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Domain;

namespace Yiwang.Modules.Identity.Features;

/// <summary>Phone verification by SMS code and the real-name upgrade, for the signed-in person.</summary>
internal static class TrustUpgradeEndpoints
{
    public sealed record ConfirmRequest(string? Code);

    public sealed record RealNameRequest(string? Name);

    public static void MapTrustUpgrades(this RouteGroupBuilder group)
    {
        group.MapPost("/me/phone-verification", Send).RequireAuthorization().WithSummary("Send a one-time code to my phone");
        group.MapPost("/me/phone-verification/confirm", Confirm).RequireAuthorization().WithSummary("Confirm the code: the account becomes phone-verified");
        group.MapPost("/me/real-name", RealName).RequireAuthorization().WithSummary("Verify my name and ID number: the account becomes real-name verified");
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> Send(ClaimsPrincipal user, TrustUpgrades upgrades, CancellationToken ct) =>
        Principals.AccountId(user) is not { } id ? IdentityErrors.NotACitizen.ToProblem()
        : await upgrades.SendPhoneCodeAsync(id, ct) is { IsFailure: true } r ? r.Error!.ToProblem() : TypedResults.Accepted((string?)null);

    private static async Task<Results<NoContent, ProblemHttpResult>> Confirm(ConfirmRequest request, ClaimsPrincipal user, TrustUpgrades upgrades, CancellationToken ct) =>
        Principals.AccountId(user) is not { } id ? IdentityErrors.NotACitizen.ToProblem()
        : await upgrades.ConfirmPhoneAsync(id, request.Code, ct) is { IsFailure: true } r ? r.Error!.ToProblem() : TypedResults.NoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> RealName(RealNameRequest request, ClaimsPrincipal user, TrustUpgrades upgrades, CancellationToken ct) =>
        Principals.AccountId(user) is not { } id ? IdentityErrors.NotACitizen.ToProblem()
        : await upgrades.VerifyRealNameAsync(id, request.Name, ct) is { IsFailure: true } r ? r.Error!.ToProblem() : TypedResults.NoContent();
}

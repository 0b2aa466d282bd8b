using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Identity.Features;

/// <summary>"My account": who I am, the legal persons I represent, and the grants I have given and received.</summary>
internal static class GetMe
{
    /// <summary>A department system has no account: it is its client id and department.</summary>
    public sealed record SystemView(string Kind, string Name, string? DepartmentCode);

    public static void MapGetMe(this RouteGroupBuilder group) =>
        group.MapGet("/me", Handle).RequireAuthorization().WithSummary("The signed-in account, the legal persons it represents and its agent grants");

    private static async Task<Results<Ok<AccountOverview>, Ok<SystemView>, ProblemHttpResult>> Handle(ClaimsPrincipal user, IAccountOverviews accounts, CancellationToken ct)
    {
        if (accounts.AccountIdOf(user) is { } id && await accounts.GetAsync(id, ct) is { } overview)
        {
            return TypedResults.Ok(overview);
        }

        return TypedResults.Ok(new SystemView("department-system", user.GetClaim(OpenIddictConstants.Claims.Name) ?? "", user.GetClaim(Principals.DepartmentClaim)));
    }
}

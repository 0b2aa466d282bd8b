using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Domain;

namespace Yiwang.Modules.Identity.Features;

/// <summary>Agent grants (经办人授权) over the API: only the legal representative grants and revokes.</summary>
internal static class AgentGrants
{
    public sealed record Request(string? AgentIdNumber, IReadOnlyList<string>? Items, DateTime? ValidUntil);

    public sealed record Response(Guid Id, string CreditCode, IReadOnlyList<string> Items, DateTime ValidUntilUtc);

    public static void MapAgentGrants(this RouteGroupBuilder group)
    {
        group.MapPost("/legal-persons/{creditCode}/grants", Grant).RequireAuthorization().WithSummary("Grant a citizen the right to act for the legal person");
        group.MapDelete("/legal-persons/{creditCode}/grants/{grantId:guid}", Revoke).RequireAuthorization().WithSummary("Revoke a grant");
    }

    private static async Task<Results<Created<Response>, ProblemHttpResult>> Grant(string creditCode, Request request, ClaimsPrincipal user, AgentGrantService grants, CancellationToken ct)
    {
        if (Principals.AccountId(user) is not { } id)
        {
            return IdentityErrors.LegalPersonNotFound.ToProblem();
        }

        var result = await grants.GrantAsync(id, creditCode, request.AgentIdNumber, request.Items, request.ValidUntil, ct);
        if (result.IsFailure)
        {
            return result.Error!.ToProblem();
        }

        var (legal, grant) = result.Value;
        return TypedResults.Created($"/api/v1/identity/legal-persons/{legal.CreditCode}/grants/{grant.Id}",
            new Response(grant.Id, legal.CreditCode, grant.Items.Length == 0 ? [] : grant.Items.Split(','), grant.ValidUntilUtc));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string creditCode, Guid grantId, ClaimsPrincipal user, AgentGrantService grants, CancellationToken ct)
    {
        if (Principals.AccountId(user) is not { } id)
        {
            return IdentityErrors.LegalPersonNotFound.ToProblem();
        }

        var result = await grants.RevokeAsync(id, creditCode, grantId, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.NoContent();
    }
}

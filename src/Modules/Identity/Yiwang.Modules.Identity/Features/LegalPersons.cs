using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Identity.Features;

/// <summary>Legal persons (法人): a citizen registers an enterprise as its legal representative; reads are object-level checked.</summary>
internal static class LegalPersons
{
    public sealed record Request(string? CreditCode, string? Name);

    public sealed record LegalPersonView(string CreditCode, string Name, bool IsRepresentative);

    public static void MapLegalPersons(this RouteGroupBuilder group)
    {
        group.MapPost("/legal-persons", Register).RequireAuthorization().WithSummary("Register an enterprise with yourself as legal representative");
        group.MapGet("/legal-persons/{creditCode}", Get).RequireAuthorization()
            .WithSummary("A legal person, visible only to its representative and its active agents (others get 404)");
    }

    private static async Task<Results<Created<LegalPersonView>, ProblemHttpResult>> Register(Request request, ClaimsPrincipal user, AgentGrantService grants, CancellationToken ct)
    {
        if (Principals.AccountId(user) is not { } id)
        {
            return IdentityErrors.NotACitizen.ToProblem();
        }

        var registered = await grants.RegisterLegalPersonAsync(id, request.CreditCode, request.Name, ct);
        return registered.IsFailure
            ? registered.Error!.ToProblem()
            : TypedResults.Created($"/api/v1/identity/legal-persons/{registered.Value!.CreditCode}", new LegalPersonView(registered.Value.CreditCode, registered.Value.Name, true));
    }

    private static async Task<Results<Ok<LegalPersonView>, ProblemHttpResult>> Get(string creditCode, ClaimsPrincipal user, IdentityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var legal = await db.LegalPersons.AsNoTracking().FirstOrDefaultAsync(l => l.CreditCode == creditCode, ct);
        if (legal is null || Principals.AccountId(user) is not { } id)
        {
            return IdentityErrors.LegalPersonNotFound.ToProblem();
        }

        if (legal.RepresentativeId == id)
        {
            return TypedResults.Ok(new LegalPersonView(legal.CreditCode, legal.Name, true));
        }

        var grants = await db.AgentGrants.AsNoTracking().Where(g => g.LegalPersonId == legal.Id && g.AgentId == id).ToListAsync(ct);
        return grants.Any(g => g.IsActive(clock.GetUtcNow()))
            ? TypedResults.Ok(new LegalPersonView(legal.CreditCode, legal.Name, false))
            : IdentityErrors.LegalPersonNotFound.ToProblem();
    }
}

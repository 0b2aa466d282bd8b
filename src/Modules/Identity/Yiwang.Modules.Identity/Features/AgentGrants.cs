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

namespace Yiwang.Modules.Identity.Features;

/// <summary>Agent grants (经办人授权): only the legal representative grants and revokes; to anyone else the legal person does not exist.</summary>
internal static class AgentGrants
{
    public sealed record Request(string? AgentIdNumber, IReadOnlyList<string>? Items, DateTime? ValidUntil);

    public sealed record Response(Guid Id, string CreditCode, IReadOnlyList<string> Items, DateTime ValidUntilUtc);

    public static void MapAgentGrants(this RouteGroupBuilder group)
    {
        group.MapPost("/legal-persons/{creditCode}/grants", Grant).RequireAuthorization().WithSummary("Grant a citizen the right to act for the legal person");
        group.MapDelete("/legal-persons/{creditCode}/grants/{grantId:guid}", Revoke).RequireAuthorization().WithSummary("Revoke a grant");
    }

    private static async Task<Results<Created<Response>, ProblemHttpResult>> Grant(
        string creditCode, Request request, ClaimsPrincipal user, IdentityDbContext db, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var legal = await RepresentedAsync(creditCode, user, db, ct);
        if (legal is null)
        {
            return IdentityErrors.LegalPersonNotFound.ToProblem();
        }

        var number = request.AgentIdNumber?.Trim().ToUpperInvariant();
        var agent = number is null ? null : await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.IdNumber == number, ct);
        if (agent is null)
        {
            return IdentityErrors.AgentNotFound.ToProblem();
        }

        var validUntil = request.ValidUntil is { } v ? DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc) : DateTime.MinValue;
        var granted = AgentGrant.Grant(Ids.New(clock), legal.Id, agent.Id, request.Items ?? [], validUntil, legal.RepresentativeId, clock.GetUtcNow());
        if (granted.IsFailure)
        {
            return granted.Error!.ToProblem();
        }

        var grant = granted.Value!;
        db.AgentGrants.Add(grant);
        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.agent_granted", legal.CreditCode, $"grant {grant.Id} to {agent.Id}", clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/legal-persons/{legal.CreditCode}/grants/{grant.Id}",
            new Response(grant.Id, legal.CreditCode, grant.Items.Length == 0 ? [] : grant.Items.Split(','), grant.ValidUntilUtc));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string creditCode, Guid grantId, ClaimsPrincipal user, IdentityDbContext db, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var legal = await RepresentedAsync(creditCode, user, db, ct);
        if (legal is null)
        {
            return IdentityErrors.LegalPersonNotFound.ToProblem();
        }

        var grant = await db.AgentGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.LegalPersonId == legal.Id, ct);
        if (grant is null)
        {
            return IdentityErrors.GrantNotFound.ToProblem();
        }

        var revoked = grant.Revoke(clock.GetUtcNow());
        if (revoked.IsFailure)
        {
            return revoked.Error!.ToProblem();
        }

        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.agent_revoked", legal.CreditCode, $"grant {grant.Id}", clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<LegalPerson?> RepresentedAsync(string creditCode, ClaimsPrincipal user, IdentityDbContext db, CancellationToken ct) =>
        Principals.AccountId(user) is { } id
            ? await db.LegalPersons.FirstOrDefaultAsync(l => l.CreditCode == creditCode && l.RepresentativeId == id, ct)
            : null;
}

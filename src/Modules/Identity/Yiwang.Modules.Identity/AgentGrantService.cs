using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Identity;

/// <summary>
/// Registering legal persons and granting or revoking agents, shared by the JSON API and the web forms. Only the
/// legal representative may grant or revoke; to anyone else the legal person is simply not found.
/// </summary>
internal sealed class AgentGrantService(IdentityDbContext db, TimeProvider clock, IActorAccessor actor)
{
    public async Task<Result<LegalPerson>> RegisterLegalPersonAsync(Guid representativeId, string? creditCode, string? name, CancellationToken ct)
    {
        var code = creditCode?.Trim().ToUpperInvariant();
        if (!UnifiedSocialCreditCode.IsValid(code))
        {
            return IdentityErrors.InvalidCreditCode;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return IdentityErrors.InvalidName;
        }

        if (await db.LegalPersons.AnyAsync(l => l.CreditCode == code, ct))
        {
            return IdentityErrors.DuplicateLegalPerson;
        }

        var legal = LegalPerson.Register(Ids.New(clock), code!, name.Trim(), representativeId, clock.GetUtcNow());
        db.LegalPersons.Add(legal);
        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.legal_person_registered", code!, null, clock));
        await db.SaveChangesAsync(ct);
        return legal;
    }

    public async Task<Result<(LegalPerson Legal, AgentGrant Grant)>> GrantAsync(Guid representativeId, string creditCode, string? agentIdNumber, IReadOnlyList<string>? items, DateTime? validUntil, CancellationToken ct)
    {
        var legal = await db.LegalPersons.FirstOrDefaultAsync(l => l.CreditCode == creditCode && l.RepresentativeId == representativeId, ct);
        if (legal is null)
        {
            return IdentityErrors.LegalPersonNotFound;
        }

        var number = agentIdNumber?.Trim().ToUpperInvariant();
        var agent = number is null ? null : await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.IdNumber == number, ct);
        if (agent is null)
        {
            return IdentityErrors.AgentNotFound;
        }

        var until = validUntil is { } v ? DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc) : DateTime.MinValue;
        var granted = AgentGrant.Grant(Ids.New(clock), legal.Id, agent.Id, items ?? [], until, representativeId, clock.GetUtcNow());
        if (granted.IsFailure)
        {
            return granted.Error!;
        }

        db.AgentGrants.Add(granted.Value!);
        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.agent_granted", legal.CreditCode, $"grant {granted.Value!.Id} to {agent.Id}", clock));
        await db.SaveChangesAsync(ct);
        return (legal, granted.Value!);
    }

    public async Task<Result> RevokeAsync(Guid representativeId, string creditCode, Guid grantId, CancellationToken ct)
    {
        var legal = await db.LegalPersons.FirstOrDefaultAsync(l => l.CreditCode == creditCode && l.RepresentativeId == representativeId, ct);
        if (legal is null)
        {
            return IdentityErrors.LegalPersonNotFound;
        }

        var grant = await db.AgentGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.LegalPersonId == legal.Id, ct);
        if (grant is null)
        {
            return IdentityErrors.GrantNotFound;
        }

        var revoked = grant.Revoke(clock.GetUtcNow());
        if (revoked.IsFailure)
        {
            return revoked;
        }

        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.agent_revoked", legal.CreditCode, $"grant {grant.Id}", clock));
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}

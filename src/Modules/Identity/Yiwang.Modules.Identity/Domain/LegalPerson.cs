using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Identity.Domain;

/// <summary>An enterprise or organisation (法人) identified by its unified social credit code, with its legal representative.</summary>
internal sealed class LegalPerson
{
    private LegalPerson()
    {
    }

    public Guid Id { get; private set; }
    public string CreditCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid RepresentativeId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public static LegalPerson Register(Guid id, string creditCode, string name, Guid representativeId, DateTimeOffset now) =>
        new() { Id = id, CreditCode = creditCode, Name = name, RepresentativeId = representativeId, CreatedAtUtc = now.UtcDateTime };
}

/// <summary>
/// An agent authorisation (经办人授权): the legal person lets a natural person act for it, for some items or all,
/// until a date; revocable. Revoked and expired grants are kept for the record.
/// </summary>
internal sealed class AgentGrant
{
    private AgentGrant()
    {
    }

    public Guid Id { get; private set; }
    public Guid LegalPersonId { get; private set; }
    public Guid AgentId { get; private set; }
    /// <summary>Item codes separated by commas; empty means all items.</summary>
    public string Items { get; private set; } = "";
    public DateTime ValidUntilUtc { get; private set; }
    public Guid GrantedBy { get; private set; }
    public DateTime GrantedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public static Result<AgentGrant> Grant(Guid id, Guid legalPersonId, Guid agentId, IReadOnlyList<string> items, DateTime validUntilUtc, Guid grantedBy, DateTimeOffset now)
    {
        if (validUntilUtc <= now.UtcDateTime || validUntilUtc > now.UtcDateTime.AddYears(5))
        {
            return IdentityErrors.InvalidGrantPeriod;
        }

        if (agentId == grantedBy)
        {
            return IdentityErrors.SelfGrant;
        }

        return new AgentGrant
        {
            Id = id,
            LegalPersonId = legalPersonId,
            AgentId = agentId,
            Items = string.Join(',', items.Select(i => i.Trim()).Where(i => i.Length > 0)),
            ValidUntilUtc = validUntilUtc,
            GrantedBy = grantedBy,
            GrantedAtUtc = now.UtcDateTime,
        };
    }

    public bool IsActive(DateTimeOffset now) => RevokedAtUtc is null && ValidUntilUtc > now.UtcDateTime;

    public bool Covers(string? itemCode) => Items.Length == 0 || (itemCode is not null && Items.Split(',').Contains(itemCode));

    public Result Revoke(DateTimeOffset now)
    {
        if (RevokedAtUtc is not null)
        {
            return IdentityErrors.AlreadyRevoked;
        }

        RevokedAtUtc = now.UtcDateTime;
        return Result.Success;
    }
}

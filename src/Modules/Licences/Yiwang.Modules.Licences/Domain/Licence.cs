using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;

namespace Yiwang.Modules.Licences.Domain;

/// <summary>
/// One version of an electronic licence (电子证照). A change (变更) or renewal (延续) issues a new version with the same
/// serial and the next version number, and cancels the old one; every version stays readable. The signed credential
/// is made once at issue and never altered; status changes go to the issuer's status lists instead.
/// </summary>
internal sealed class Licence
{
    private Licence()
    {
    }

    public Guid Id { get; private set; }
    public string Identifier { get; private set; } = "";
    public string TypeCode { get; private set; } = "";
    public string TypeName { get; private set; } = "";
    public string IssuerCode { get; private set; } = "";
    public string IssuerName { get; private set; } = "";
    public string Serial { get; private set; } = "";
    public int Version { get; private set; }
    public HolderKind HolderKind { get; private set; }
    public string HolderName { get; private set; } = "";

    /// <summary>持证主体代码: resident ID number (type 111) or unified social credit code (type 001).</summary>
    public string HolderCode { get; private set; } = "";

    /// <summary>持证主体代码类型代码: 111 or 001.</summary>
    public string HolderCodeType { get; private set; } = "";

    public Guid? HolderAccountId { get; private set; }
    public IReadOnlyDictionary<string, string> Fields { get; private set; } = new Dictionary<string, string>();
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }
    public LicenceStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTime? StatusChangedAtUtc { get; private set; }

    /// <summary>Position in the issuer's revocation and suspension status lists.</summary>
    public int StatusIndex { get; private set; }

    public Guid? SourceCaseId { get; private set; }
    public string? PreviousIdentifier { get; private set; }
    public bool IsCurrent { get; private set; }

    /// <summary>The signed credential as issued: the SD-JWT (JWS) followed by every disclosure.</summary>
    public string Credential { get; private set; } = "";

    public int Revision { get; private set; }

    public LicenceIdentifier ParsedIdentifier => new(TypeCode, IssuerCode, Serial, Version);

    public bool IsExpiredOn(DateOnly day) => ValidUntil is { } until && day > until;

    public static Licence Create(
        Guid id, LicenceIdentifier identifier, LicenceType type, Issuer issuer, LicenceHolder holder, IReadOnlyDictionary<string, string> fields,
        DateOnly validFrom, DateOnly? validUntil, int statusIndex, Guid? sourceCaseId, string? previousIdentifier, DateTimeOffset now) => new()
    {
        Id = id,
        Identifier = identifier.ToString(),
        TypeCode = type.Code,
        TypeName = type.Name,
        IssuerCode = issuer.CreditCode,
        IssuerName = issuer.Name,
        Serial = identifier.Serial,
        Version = identifier.Version,
        HolderKind = holder.Kind,
        HolderName = holder.Name,
        HolderCode = holder.Code,
        HolderCodeType = holder.Kind == HolderKind.NaturalPerson ? "111" : "001",
        HolderAccountId = holder.AccountId,
        Fields = fields,
        ValidFrom = validFrom,
        ValidUntil = validUntil,
        IssuedAtUtc = now.UtcDateTime,
        Status = LicenceStatus.Valid,
        StatusIndex = statusIndex,
        SourceCaseId = sourceCaseId,
        PreviousIdentifier = previousIdentifier,
        IsCurrent = true,
    };

    public void Sign(string credential) => Credential = credential;

    /// <summary>中止 / 恢复 / 吊销 / 注销. Revoked and cancelled are final; only the current version changes.</summary>
    public Result ChangeStatus(LicenceStatus to, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return LicenceErrors.ReasonRequired;
        }

        if (!IsCurrent)
        {
            return LicenceErrors.NotCurrent;
        }

        var allowed = (Status, to) switch
        {
            (LicenceStatus.Valid, LicenceStatus.Suspended or LicenceStatus.Revoked or LicenceStatus.Cancelled) => true,
            (LicenceStatus.Suspended, LicenceStatus.Valid or LicenceStatus.Revoked or LicenceStatus.Cancelled) => true,
            _ => false,
        };
        if (!allowed)
        {
            return LicenceErrors.IllegalStatusChange;
        }

        Status = to;
        StatusReason = reason.Trim();
        StatusChangedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    /// <summary>A newer version replaces this one (变更 / 延续): this one is cancelled with the reason and stays readable.</summary>
    public Result Supersede(string reason, DateTimeOffset now)
    {
        if (!IsCurrent)
        {
            return LicenceErrors.NotCurrent;
        }

        if (Status is not (LicenceStatus.Valid or LicenceStatus.Suspended))
        {
            return LicenceErrors.IllegalStatusChange;
        }

        Status = LicenceStatus.Cancelled;
        StatusReason = reason;
        StatusChangedAtUtc = now.UtcDateTime;
        IsCurrent = false;
        Revision++;
        return Result.Success;
    }
}

/// <summary>Who a licence is issued to.</summary>
internal sealed record LicenceHolder(HolderKind Kind, string Name, string Code, Guid? AccountId);

/// <summary>A line of a licence's history (issue, change, status changes), kept with the actor and the reason.</summary>
internal sealed class LicenceEvent
{
    private LicenceEvent()
    {
    }

    public Guid Id { get; private set; }
    public Guid LicenceId { get; private set; }
    public string Serial { get; private set; } = "";
    public string IssuerCode { get; private set; } = "";
    public string Identifier { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? Reason { get; private set; }
    public DateTime AtUtc { get; private set; }

    public static LicenceEvent Record(Guid id, Licence licence, string action, string actorName, string? reason, DateTimeOffset now) => new()
    {
        Id = id,
        LicenceId = licence.Id,
        Serial = licence.Serial,
        IssuerCode = licence.IssuerCode,
        Identifier = licence.Identifier,
        Action = action,
        ActorName = actorName,
        Reason = reason,
        AtUtc = now.UtcDateTime,
    };
}

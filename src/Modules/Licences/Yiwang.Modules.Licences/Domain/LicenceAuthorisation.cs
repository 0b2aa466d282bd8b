using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;

namespace Yiwang.Modules.Licences.Domain;

/// <summary>
/// 用证授权: the holder lets a department or a third party use one licence, for a stated purpose, for a period, seeing
/// only the fields named. It follows the licence across versions (by issuer and serial): a department authorised to
/// use a business licence gets the version that is current when it uses it. The platform signs each grant (a JWS the
/// grantee can keep as evidence of consent); the holder can revoke it at any time, after which no use is possible.
/// A third party uses it through its share code, a department through its staff or its systems.
/// </summary>
internal sealed class LicenceAuthorisation
{
    private LicenceAuthorisation()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The share code (128 random bits, base64url): what a third party presents to use the licence.</summary>
    public string Code { get; private set; } = "";

    public Guid LicenceId { get; private set; }
    public string Identifier { get; private set; } = "";
    public string IssuerCode { get; private set; } = "";
    public string Serial { get; private set; } = "";
    public string TypeName { get; private set; } = "";
    public string HolderCode { get; private set; } = "";
    public GranteeKind GranteeKind { get; private set; }

    /// <summary>The department's code (for a department) or the organisation's credit code (for a third party, optional).</summary>
    public string? GranteeCode { get; private set; }

    public string GranteeName { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public Guid? CaseId { get; private set; }
    public string GrantedBy { get; private set; } = "";
    public DateTime GrantedAtUtc { get; private set; }
    public DateTime ValidUntilUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public string? RevokedBy { get; private set; }

    /// <summary>The grant as the platform signed it (JWS, typ <c>licence-authorisation+jwt</c>).</summary>
    public string Token { get; private set; } = "";

    public int Revision { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAtUtc is null && now.UtcDateTime < ValidUntilUtc;

    public static Result<LicenceAuthorisation> Grant(
        Guid id, string code, Licence licence, GranteeKind kind, string? granteeCode, string granteeName, string? purpose,
        IReadOnlyList<string>? fields, Guid? caseId, string grantedBy, DateTimeOffset now, DateTimeOffset until)
    {
        var names = fields is { Count: > 0 } ? [.. fields.Distinct(StringComparer.Ordinal)] : licence.Fields.Keys.ToList();
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Length > 200 || string.IsNullOrWhiteSpace(granteeName) || granteeName.Length > 100
            || names.Any(f => !licence.Fields.ContainsKey(f)) || until <= now)
        {
            return LicenceErrors.InvalidAuthorisation;
        }

        return new LicenceAuthorisation
        {
            Id = id,
            Code = code,
            LicenceId = licence.Id,
            Identifier = licence.Identifier,
            IssuerCode = licence.IssuerCode,
            Serial = licence.Serial,
            TypeName = licence.TypeName,
            HolderCode = licence.HolderCode,
            GranteeKind = kind,
            GranteeCode = string.IsNullOrWhiteSpace(granteeCode) ? null : granteeCode.Trim(),
            GranteeName = granteeName.Trim(),
            Purpose = purpose.Trim(),
            Fields = names,
            CaseId = caseId,
            GrantedBy = grantedBy,
            GrantedAtUtc = now.UtcDateTime,
            ValidUntilUtc = until.UtcDateTime,
        };
    }

    public void Sign(string token) => Token = token;

    public Result Revoke(string by, DateTimeOffset now)
    {
        if (RevokedAtUtc is not null)
        {
            return LicenceErrors.AuthorisationRevoked;
        }

        RevokedAtUtc = now.UtcDateTime;
        RevokedBy = by;
        Revision++;
        return Result.Success;
    }
}

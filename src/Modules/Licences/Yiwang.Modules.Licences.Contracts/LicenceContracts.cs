namespace Yiwang.Modules.Licences.Contracts;

/// <summary>Status of a licence version (有效 / 中止 / 吊销 / 注销). Expiry is not a status: it follows from the validity dates.</summary>
public enum LicenceStatus
{
    Valid,
    Suspended,
    Revoked,
    Cancelled,
}

/// <summary>Who holds licences of a type (持证主体): a natural person (自然人) or a legal person (法人).</summary>
public enum HolderKind
{
    NaturalPerson,
    LegalPerson,
}

/// <summary>Signature algorithm of an issuer: Ed25519, or SM2 with SM3 (国密).</summary>
public enum SigningAlgorithm
{
    Ed25519,
    Sm2,
}

/// <summary>Who a holder authorises to use a licence (用证授权对象): a government department, or a third party (a bank, an employer…).</summary>
public enum GranteeKind
{
    Department,
    ThirdParty,
}

/// <summary>
/// A use authorisation (用证授权) as its holder and its grantee see it. <paramref name="ShareLink"/> (the third party's
/// link with the share code) is shown to the holder only. <paramref name="Token"/> is the grant signed by the platform.
/// </summary>
public sealed record AuthorisationView(
    Guid Id, Guid LicenceId, string Identifier, string TypeName, GranteeKind GranteeKind, string? GranteeCode, string GranteeName, string Purpose,
    IReadOnlyList<string> Fields, Guid? CaseId, string GrantedBy, DateTime GrantedAtUtc, DateTime ValidUntilUtc, DateTime? RevokedAtUtc, bool Active,
    string? ShareLink, string Token, int Revision);

/// <summary>What a grantee gets when it uses an authorisation: the current version verified, showing only the authorised fields.</summary>
public sealed record AuthorisedUse(Guid AuthorisationId, string Purpose, string Presentation, VerificationView Verification);

/// <summary>What a holder fills in to authorise a use.</summary>
/// <param name="GranteeKind">A department (default) or a third party.</param>
/// <param name="GranteeCode">A department's code (for a department), or an organisation's credit code (optional, for a third party).</param>
/// <param name="GranteeName">The third party's name (a department's name comes from the reference data).</param>
/// <param name="Purpose">What the grantee may use it for (用证事由).</param>
/// <param name="Fields">Fields the grantee may see; none named: every field.</param>
/// <param name="ValidUntil">Last day of the authorisation (Asia/Shanghai); default 30 days from today.</param>
public sealed record AuthorisationRequest(
    GranteeKind? GranteeKind, string? GranteeCode, string? GranteeName, string? Purpose, IReadOnlyList<string>? Fields, DateOnly? ValidUntil);

/// <summary>What a verifier is told about a presented licence.</summary>
public enum Verdict
{
    Valid,
    Revoked,
    Suspended,
    Expired,
    Tampered,
    UnknownIssuer,
    Malformed,
}

/// <summary>One field of a licence type's face (证照照面信息).</summary>
/// <param name="Name">Key of the field in the credential.</param>
/// <param name="Label">Label shown on the licence.</param>
/// <param name="Required">Whether a licence cannot be issued without it.</param>
/// <param name="From">
/// Where an automatically issued licence takes the value from its case: <c>applicant.name</c>, <c>applicant.idNumber</c>,
/// <c>applicant.creditCode</c>, <c>applicant.legalPersonName</c>, <c>form.{key}</c>, <c>case.number</c>, <c>case.item</c>,
/// <c>issuer.name</c>, <c>date.issued</c>, or a constant after <c>=</c>. Null: staff fill it in.
/// </param>
public sealed record LicenceField(string Name, string Label, bool Required = true, string? From = null);

/// <summary>A licence type (证照类型, 证照目录 entry).</summary>
/// <param name="Name">证照名称.</param>
/// <param name="DefiningAuthority">证照定义机构.</param>
/// <param name="HolderKind">持证主体类型.</param>
/// <param name="Fields">The face fields.</param>
/// <param name="Code">证照类型代码: the defining authority's 18-character credit code and a 3-digit number.</param>
/// <param name="IssuerLevel">Level of the issuing departments (国家 / 省 / 市 / 县).</param>
/// <param name="ValidityYears">How long a licence is valid from issue; null for long-term (长期).</param>
/// <param name="ProducedBy">Catalogue items whose approved cases issue it.</param>
/// <param name="Replaces">Names of application materials it may replace (免证办), as the catalogue names them.</param>
public sealed record LicenceTypeView(
    string Code, string Name, string DefiningAuthority, string IssuerLevel, HolderKind HolderKind, IReadOnlyList<LicenceField> Fields,
    int? ValidityYears, IReadOnlyList<string> ProducedBy, IReadOnlyList<string> Replaces);

/// <summary>A licence version as a list shows it; the holder's code is masked.</summary>
public sealed record LicenceSummary(
    Guid Id, string Identifier, string TypeCode, string TypeName, string IssuerName, string HolderName, string HolderCodeMasked,
    LicenceStatus Status, bool Expired, DateOnly ValidFrom, DateOnly? ValidUntil, int Version, bool IsCurrent);

/// <summary>A status change or new version in a licence's history.</summary>
public sealed record LicenceEventView(DateTime AtUtc, string Action, string Actor, string? Reason, string Identifier);

/// <summary>One use of a licence (用证记录): who used it, when, for what and for which case.</summary>
public sealed record LicenceUseView(DateTime AtUtc, string UsedBy, string Purpose, Guid? CaseId);

/// <summary>A licence with its face, history, uses and signed credential (for its holder and its issuer).</summary>
public sealed record LicenceDetail(
    LicenceSummary Summary, string HolderCode, IReadOnlyDictionary<string, string> Fields, string? StatusReason, Guid? SourceCaseId,
    string? PreviousIdentifier, string Credential, IReadOnlyList<LicenceEventView> History, IReadOnlyList<LicenceUseView> Uses);

/// <summary>A licence put in place of an application material (免证办), verified when it was taken, with its full credential.</summary>
public sealed record LicenceUse(Guid LicenceId, string Identifier, string TypeName, string IssuerName, Verdict Verdict, string Credential);

/// <summary>Licences for other modules: certificate-free applications (免证办).</summary>
public interface ILicenceUses
{
    /// <summary>
    /// The caller's current licence of a type, verified, for a case they apply in. Applying with it is the holder's own
    /// act: it is recorded as their authorisation (用证授权) of the case's department for the case, for 90 days and
    /// revocable from the wallet, and the use is recorded (用证记录) under its purpose. Null when they hold no licence
    /// of the type that verifies as valid.
    /// </summary>
    Task<LicenceUse?> UseForCaseAsync(
        System.Security.Claims.ClaimsPrincipal holder, string typeCode, Guid caseId, string departmentCode, string purpose, CancellationToken ct);
}

/// <summary>The answer of a verification: the verdict, what the signature says, and only the fields the holder disclosed.</summary>
public sealed record VerificationView(
    Verdict Verdict, string Message, string? Identifier, string? TypeName, string? IssuerName, string? IssuerCode, DateTimeOffset? IssuedAt,
    DateOnly? ValidUntil, IReadOnlyDictionary<string, string> Disclosed);

/// <summary>
/// What the holder shows (亮证): the presentation text and its self-contained verification link (<c>?p=</c>, verifiable
/// by anyone with our public keys), and a short link (<c>?c=</c>, the same presentation kept by the platform) as a QR
/// code (PNG) that stays scannable however many fields are shown.
/// </summary>
public sealed record LicencePresentation(string Identifier, string Presentation, string Link, string ShortLink, string QrPngBase64, IReadOnlyList<string> Disclosed);

/// <summary>Licences for the web pages: the wallet, one licence, showing it and verifying one.</summary>
public interface ILicencesApi
{
    /// <summary>The caller's licences and those of the legal persons they act for, newest first.</summary>
    Task<IReadOnlyList<LicenceSummary>> MineAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);

    /// <summary>A licence, or null when it does not exist or the caller is neither its holder nor its issuer's staff.</summary>
    Task<LicenceDetail?> GetAsync(System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>The holder's presentation with the chosen fields; null when not the holder or a field is not on the licence.</summary>
    Task<LicencePresentation?> PresentAsync(System.Security.Claims.ClaimsPrincipal user, Guid id, IReadOnlyList<string> fields, CancellationToken ct);

    /// <summary>Verifies presentation text or a verification link (<c>?p=</c> or <c>?c=</c>); for anyone.</summary>
    Task<VerificationView> VerifyAsync(string? presentation, CancellationToken ct);

    /// <summary>Verifies the presentation kept under a short link's code; for anyone.</summary>
    Task<VerificationView> VerifyCodeAsync(string? code, CancellationToken ct);

    /// <summary>The authorisations on a licence (every version), for its holder; empty for anyone else.</summary>
    Task<IReadOnlyList<AuthorisationView>> AuthorisationsAsync(System.Security.Claims.ClaimsPrincipal user, Guid licenceId, CancellationToken ct);

    /// <summary>The holder authorises a use (用证授权).</summary>
    Task<Yiwang.Kernel.Results.Result<AuthorisationView>> AuthoriseAsync(System.Security.Claims.ClaimsPrincipal user, Guid licenceId, AuthorisationRequest request, CancellationToken ct);

    /// <summary>The holder revokes an authorisation.</summary>
    Task<Yiwang.Kernel.Results.Result<AuthorisationView>> RevokeAuthorisationAsync(System.Security.Claims.ClaimsPrincipal user, Guid authorisationId, CancellationToken ct);

    /// <summary>Authorisations granted to the caller's department (staff), newest first.</summary>
    Task<IReadOnlyList<AuthorisationView>> ReceivedAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Staff of the grantee department use an authorisation; the use is recorded.</summary>
    Task<Yiwang.Kernel.Results.Result<AuthorisedUse>> UseAsync(System.Security.Claims.ClaimsPrincipal user, Guid authorisationId, string? purpose, Guid? caseId, CancellationToken ct);

    /// <summary>A third party uses an authorisation by its share code; the use is recorded.</summary>
    Task<Yiwang.Kernel.Results.Result<AuthorisedUse>> UseSharedAsync(string? code, CancellationToken ct);
}

/// <summary>A detached signature by the platform's own key (平台签名), published in the licence JWK set.</summary>
/// <param name="Kid">The key that signed.</param>
/// <param name="Alg">JOSE algorithm name (EdDSA).</param>
/// <param name="Signature">Base64url signature over the exact bytes given.</param>
public sealed record PlatformSignature(string Kid, string Alg, string Signature);

/// <summary>Signs and checks bytes with the platform key, for other modules' evidence (checkpoints of the data-sharing log).</summary>
public interface IPlatformSignatures
{
    /// <summary>Signs the bytes with the platform's current key (created on first use).</summary>
    Task<PlatformSignature> SignAsync(byte[] data, CancellationToken ct);

    /// <summary>Whether the signature was made over the bytes by the named platform key (current or retired).</summary>
    Task<bool> VerifyAsync(byte[] data, PlatformSignature signature, CancellationToken ct);
}

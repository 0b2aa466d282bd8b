using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Features;
using Yiwang.Modules.Licences.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Licences;

/// <summary>
/// 用证授权 use cases: the holder grants, lists and revokes; the grantee department (its staff or its systems) and a
/// third party holding the share code use. Every use verifies the licence's current version as any verifier would and
/// records who used it, when and for what (用证记录), so the holder sees it.
/// </summary>
internal sealed class LicenceAuthorisations(
    LicencesDbContext db, LicenceAccess access, LicenceVerifier verifier, IssuerKeyring keyring, IReferenceApi reference,
    IOptions<LicencesOptions> options, IActorAccessor actors, TimeProvider clock)
{
    private const int MaxYears = 5;

    public async Task<Result<AuthorisationView>> GrantAsync(ClaimsPrincipal user, Guid licenceId, AuthorisationRequest request, Guid? caseId, CancellationToken ct)
    {
        var licence = await db.Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == licenceId, ct);
        if (licence is null || !await access.IsHolderAsync(user, licence, ct))
        {
            return LicenceErrors.NotFound;
        }

        if (!licence.IsCurrent || licence.Status != LicenceStatus.Valid || licence.IsExpiredOn(LicenceViews.Today(clock)))
        {
            return LicenceErrors.LicenceNotUsable;
        }

        var kind = request.GranteeKind ?? GranteeKind.Department;
        var granteeName = request.GranteeName;
        if (kind == GranteeKind.Department)
        {
            if (string.IsNullOrWhiteSpace(request.GranteeCode) || await reference.FindDepartmentAsync(request.GranteeCode.Trim(), ct) is not { } department)
            {
                return LicenceErrors.InvalidAuthorisation;
            }

            granteeName = department.Name;
        }

        var now = clock.GetUtcNow();
        var today = LicenceViews.Today(clock);
        var lastDay = request.ValidUntil ?? today.AddDays(30);
        if (lastDay < today || lastDay > today.AddYears(MaxYears))
        {
            return LicenceErrors.InvalidAuthorisation;
        }

        // The last day counts whole: the authorisation ends at the following midnight in Asia/Shanghai.
        var until = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var actor = actors.Current;
        var granted = LicenceAuthorisation.Grant(
            Ids.New(clock), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), licence, kind, request.GranteeCode, granteeName ?? "",
            request.Purpose, request.Fields, caseId, actor.Name, now, until);
        if (granted.IsFailure)
        {
            return granted.Error!;
        }

        var authorisation = granted.Value!;
        authorisation.Sign(await SignAsync(authorisation, ct));
        db.Authorisations.Add(authorisation);
        db.Audit.Add(AuditEntry.Record(actor, "licences.authorised", licence.Identifier, $"{kind} {authorisation.GranteeCode} {authorisation.GranteeName}: {authorisation.Purpose}", clock));
        await db.SaveChangesAsync(ct);
        return View(authorisation, forHolder: true);
    }

    public async Task<IReadOnlyList<AuthorisationView>> OfLicenceAsync(ClaimsPrincipal user, Guid licenceId, CancellationToken ct)
    {
        var licence = await db.Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == licenceId, ct);
        if (licence is null || !await access.IsHolderAsync(user, licence, ct))
        {
            return [];
        }

        var rows = await db.Authorisations.AsNoTracking().Where(a => a.IssuerCode == licence.IssuerCode && a.Serial == licence.Serial)
            .OrderByDescending(a => a.GrantedAtUtc).Take(200).ToListAsync(ct);
        return [.. rows.Select(a => View(a, forHolder: true))];
    }

    public async Task<Result<AuthorisationView>> RevokeAsync(ClaimsPrincipal user, Guid id, int? revision, CancellationToken ct)
    {
        var authorisation = await db.Authorisations.FirstOrDefaultAsync(a => a.Id == id, ct);
        var licence = authorisation is null ? null : await db.Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == authorisation.LicenceId, ct);
        if (authorisation is null || licence is null || !await access.IsHolderAsync(user, licence, ct))
        {
            return LicenceErrors.AuthorisationNotFound;
        }

        if (revision is { } expected && expected != authorisation.Revision)
        {
            return LicenceErrors.StaleRevision;
        }

        var actor = actors.Current;
        if (authorisation.Revoke(actor.Name, clock.GetUtcNow()) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        db.Audit.Add(AuditEntry.Record(actor, "licences.authorisation_revoked", authorisation.Identifier, authorisation.GranteeName, clock));
        await db.SaveChangesAsync(ct);
        return View(authorisation, forHolder: true);
    }

    /// <summary>Authorisations to the caller's department; platform administrators see all department grants.</summary>
    public async Task<IReadOnlyList<AuthorisationView>> ReceivedAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (access.StaffOf(user) is not { } staff)
        {
            return [];
        }

        var query = db.Authorisations.AsNoTracking().Where(a => a.GranteeKind == GranteeKind.Department);
        if (!staff.IsPlatformAdmin)
        {
            query = query.Where(a => a.GranteeCode == staff.DepartmentCode);
        }

        var rows = await query.OrderByDescending(a => a.GrantedAtUtc).Take(200).ToListAsync(ct);
        return [.. rows.Select(a => View(a, forHolder: false))];
    }

    public async Task<Result<AuthorisedUse>> UseAsync(ClaimsPrincipal user, Guid id, string? purpose, Guid? caseId, CancellationToken ct) =>
        await ToCallersDepartmentAsync(user, id, ct) is { } authorisation
            ? await UseAsync(authorisation, $"{authorisation.GranteeName}（{actors.Current.Name}）", purpose, caseId ?? authorisation.CaseId, ct)
            : LicenceErrors.AuthorisationNotFound;

    /// <summary>The authorisation when it was granted to the caller's department (its staff or systems); null otherwise.</summary>
    public async Task<LicenceAuthorisation?> ToCallersDepartmentAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var authorisation = await db.Authorisations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return authorisation is { GranteeKind: GranteeKind.Department } && access.StaffOf(user) is { } staff && staff.DepartmentCode == authorisation.GranteeCode
            ? authorisation
            : null;
    }

    public async Task<Result<AuthorisedUse>> UseSharedAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return LicenceErrors.AuthorisationNotFound;
        }

        var authorisation = await db.Authorisations.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code.Trim() && a.GranteeKind == GranteeKind.ThirdParty, ct);
        return authorisation is null ? LicenceErrors.AuthorisationNotFound : await UseAsync(authorisation, authorisation.GranteeName, null, null, ct);
    }

    private async Task<Result<AuthorisedUse>> UseAsync(LicenceAuthorisation authorisation, string usedBy, string? purpose, Guid? caseId, CancellationToken ct)
    {
        if (!authorisation.IsActive(clock.GetUtcNow()))
        {
            return LicenceErrors.AuthorisationInactive;
        }

        var current = await db.Licences.AsNoTracking()
            .FirstOrDefaultAsync(l => l.IssuerCode == authorisation.IssuerCode && l.Serial == authorisation.Serial && l.IsCurrent, ct);
        if (current is null)
        {
            return LicenceErrors.LicenceNotUsable;
        }

        // A field the holder named may be gone from a later version; the grantee sees what is left of the named ones.
        var fields = authorisation.Fields.Where(current.Fields.ContainsKey).ToList();
        if (Presentations.Build(current, fields, options.Value.BaseUrl) is not { } presented)
        {
            return LicenceErrors.LicenceNotUsable;
        }

        var verification = await verifier.VerifyAsync(presented.Presentation, ct);
        if (verification.Verdict != Verdict.Valid)
        {
            return LicenceErrors.LicenceNotUsable;
        }

        var why = string.IsNullOrWhiteSpace(purpose) ? authorisation.Purpose : $"{authorisation.Purpose}：{purpose.Trim()}";
        var actor = actors.Current;
        db.Uses.Add(LicenceUseRecord.Record(Ids.New(clock), current, usedBy, why, caseId, clock.GetUtcNow()));
        db.Audit.Add(AuditEntry.Record(actor, "licences.authorised_use", current.Identifier, $"authorisation {authorisation.Id}", clock));
        await db.SaveChangesAsync(ct);
        return new AuthorisedUse(authorisation.Id, why, presented.Presentation, verification);
    }

    private async Task<string> SignAsync(LicenceAuthorisation a, CancellationToken ct)
    {
        var key = await keyring.PlatformKeyAsync(db, ct);
        var payload = new JsonObject
        {
            ["iss"] = options.Value.BaseUrl,
            ["jti"] = a.Id.ToString(),
            ["iat"] = new DateTimeOffset(a.GrantedAtUtc, TimeSpan.Zero).ToUnixTimeSeconds(),
            ["exp"] = new DateTimeOffset(a.ValidUntilUtc, TimeSpan.Zero).ToUnixTimeSeconds(),
            ["licence"] = a.Identifier,
            ["licenceType"] = a.TypeName,
            ["grantee"] = new JsonObject { ["kind"] = a.GranteeKind.ToString(), ["code"] = a.GranteeCode, ["name"] = a.GranteeName },
            ["purpose"] = a.Purpose,
            ["fields"] = new JsonArray([.. a.Fields.Select(f => (JsonNode)f)]),
            ["case"] = a.CaseId?.ToString(),
        };
        return Jws.Sign(SignatureScheme.For(key.Algorithm), key.Kid, "licence-authorisation+jwt", payload, Convert.FromBase64String(key.PrivateKey));
    }

    private AuthorisationView View(LicenceAuthorisation a, bool forHolder) => new(
        a.Id, a.LicenceId, a.Identifier, a.TypeName, a.GranteeKind, a.GranteeCode, a.GranteeName, a.Purpose, a.Fields, a.CaseId, a.GrantedBy,
        a.GrantedAtUtc, a.ValidUntilUtc, a.RevokedAtUtc, a.IsActive(clock.GetUtcNow()),
        forHolder && a.GranteeKind == GranteeKind.ThirdParty ? $"{options.Value.BaseUrl}/licences/shared/{a.Code}" : null, a.Token, a.Revision);
}

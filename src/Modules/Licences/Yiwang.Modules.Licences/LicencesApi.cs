using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Features;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences;

/// <summary>The licences contract for the web pages: the same use cases and checks as the API.</summary>
internal sealed class LicencesApi(
    LicencesDbContext db, LicenceAccess access, LicenceVerifier verifier, LicenceAuthorisations authorisations, IOptions<LicencesOptions> options,
    IActorAccessor actors, TimeProvider clock) : ILicencesApi, ILicenceUses
{
    public async Task<LicenceUse?> UseForCaseAsync(ClaimsPrincipal holder, string typeCode, Guid caseId, string departmentCode, string purpose, CancellationToken ct)
    {
        var account = access.AccountOf(holder);
        var codes = await access.HolderCodesAsync(holder, ct);
        var today = LicenceViews.Today(clock);
        var candidates = await db.Licences.AsNoTracking()
            .Where(l => l.TypeCode == typeCode && l.IsCurrent && l.Status == LicenceStatus.Valid && ((account != null && l.HolderAccountId == account) || codes.Contains(l.HolderCode)))
            .OrderByDescending(l => l.IssuedAtUtc).Take(5).ToListAsync(ct);
        foreach (var licence in candidates.Where(l => !l.IsExpiredOn(today)))
        {
            // Checked as any verifier would check it (signature, status lists, validity) before a department relies on it.
            var verdict = (await verifier.VerifyAsync(licence.Credential, ct)).Verdict;
            if (verdict != Verdict.Valid)
            {
                continue;
            }

            var granted = await authorisations.GrantAsync(
                holder, licence.Id, new AuthorisationRequest(GranteeKind.Department, departmentCode, null, purpose, null, today.AddDays(CaseAuthorisationDays)), caseId, ct);
            var actor = actors.Current;
            var usedBy = granted.IsFailure ? actor.Name : granted.Value!.GranteeName + "（办件）";
            db.Uses.Add(Domain.LicenceUseRecord.Record(Kernel.Ids.New(clock), licence, usedBy, purpose, caseId, clock.GetUtcNow()));
            db.Audit.Add(AuditEntry.Record(actor, "licences.used", licence.Identifier, $"case {caseId}", clock));
            await db.SaveChangesAsync(ct);
            return new LicenceUse(licence.Id, licence.Identifier, licence.TypeName, licence.IssuerName, verdict, licence.Credential);
        }

        return null;
    }

    /// <summary>How long the department handling a case may go on using a licence the application brought.</summary>
    private const int CaseAuthorisationDays = 90;

    public async Task<IReadOnlyList<LicenceSummary>> MineAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await LicenceRecords.MineAsync(user, access, db, clock, ct);

    public async Task<LicenceDetail?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var licence = await LicenceRecords.VisibleAsync(id, user, access, db, ct);
        return licence is null ? null : LicenceViews.Detail(licence, await LicenceRecords.HistoryAsync(db, licence, ct), await LicenceRecords.UsesAsync(db, licence, ct), LicenceViews.Today(clock));
    }

    public async Task<LicencePresentation?> PresentAsync(ClaimsPrincipal user, Guid id, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var presented = await Presentations.PresentAsync(id, fields, user, access, db, options.Value.BaseUrl, actors.Current, clock, ct);
        return presented.IsFailure ? null : presented.Value;
    }

    public Task<VerificationView> VerifyAsync(string? presentation, CancellationToken ct) => verifier.VerifyAsync(presentation, ct);

    public Task<VerificationView> VerifyCodeAsync(string? code, CancellationToken ct) => verifier.VerifyCodeAsync(code, ct);

    public Task<IReadOnlyList<AuthorisationView>> AuthorisationsAsync(ClaimsPrincipal user, Guid licenceId, CancellationToken ct) =>
        authorisations.OfLicenceAsync(user, licenceId, ct);

    public Task<Result<AuthorisationView>> AuthoriseAsync(ClaimsPrincipal user, Guid licenceId, AuthorisationRequest request, CancellationToken ct) =>
        authorisations.GrantAsync(user, licenceId, request, null, ct);

    public Task<Result<AuthorisationView>> RevokeAuthorisationAsync(ClaimsPrincipal user, Guid authorisationId, CancellationToken ct) =>
        authorisations.RevokeAsync(user, authorisationId, null, ct);

    public Task<IReadOnlyList<AuthorisationView>> ReceivedAsync(ClaimsPrincipal user, CancellationToken ct) => authorisations.ReceivedAsync(user, ct);

    public Task<Result<AuthorisedUse>> UseAsync(ClaimsPrincipal user, Guid authorisationId, string? purpose, Guid? caseId, CancellationToken ct) =>
        authorisations.UseAsync(user, authorisationId, purpose, caseId, ct);

    public Task<Result<AuthorisedUse>> UseSharedAsync(string? code, CancellationToken ct) => authorisations.UseSharedAsync(code, ct);
}

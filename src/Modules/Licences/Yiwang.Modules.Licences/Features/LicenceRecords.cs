using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences.Features;

/// <summary>
/// Licences as records: issuing by staff, the holder's wallet (我的证照), the issuer's list, one licence with its history,
/// status changes and new versions. A licence is visible to its holder and its issuer's staff; to anyone else it does not exist.
/// </summary>
internal static class LicenceRecords
{
    /// <param name="IssuerCode">Only for platform administrators, who belong to no issuer: which issuer issues.</param>
    public sealed record IssueRequest(string? TypeCode, string? IssuerCode, HolderKind? HolderKind, string? HolderName, string? HolderCode, IReadOnlyDictionary<string, string>? Fields);

    public sealed record StatusRequest(LicenceStatus? Status, string? Reason, int? Revision);

    public sealed record VersionRequest(IReadOnlyDictionary<string, string>? Fields, string? Reason, int? Revision);

    public static readonly Error InvalidRequest = Error.Validation("licences.invalid_request", "Name the licence type, the holder and the face fields.");
    public static readonly Error StaffOnly = Error.Forbidden("licences.staff_only", "Only staff issue licences.");

    public static void MapLicenceRecords(this RouteGroupBuilder group)
    {
        group.MapPost("", Issue).RequireAuthorization().WithSummary("Issue a licence (发证) as staff of a registered issuer");
        group.MapGet("/mine", Mine).RequireAuthorization().WithSummary("The caller's licences and those of legal persons they act for (我的证照)");
        group.MapGet("/issued", Issued).RequireAuthorization().WithSummary("Licences issued by the caller's department (newest first, at most 200)");
        group.MapGet("/{id:guid}", Get).RequireAuthorization().WithSummary("A licence with its face, history and signed credential");
        group.MapPost("/{id:guid}/status", ChangeStatus).RequireAuthorization().WithSummary("Suspend, reinstate, revoke or cancel (中止 / 恢复 / 吊销 / 注销) with a reason");
        group.MapPost("/{id:guid}/versions", NewVersion).RequireAuthorization().WithSummary("Change (变更, new fields) or renew (延续, no fields): a new version");
    }

    private static async Task<Results<Created<LicenceDetail>, ProblemHttpResult>> Issue(
        IssueRequest request, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, LicenceIssuing issuing, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        if (access.StaffOf(user) is null)
        {
            return StaffOnly.ToProblem();
        }

        if (request.TypeCode is null || request.HolderName is null || request.HolderCode is null || request.Fields is null)
        {
            return InvalidRequest.ToProblem();
        }

        if (await access.IssuerOfAsync(user, request.IssuerCode, ct) is not { } issuer)
        {
            return LicenceErrors.NotIssuer.ToProblem();
        }

        if (await db.Types.FirstOrDefaultAsync(t => t.Code == request.TypeCode, ct) is not { } type)
        {
            return LicenceErrors.TypeNotFound.ToProblem();
        }

        var holder = new LicenceHolder(request.HolderKind ?? type.HolderKind, request.HolderName.Trim(), request.HolderCode.Trim().ToUpperInvariant(), null);
        var issued = await issuing.IssueAsync(issuer, [new IssueOrder(type, holder, request.Fields, null)], actors.Current, ct);
        if (issued.IsFailure)
        {
            return issued.Error!.ToProblem();
        }

        var licence = issued.Value![0];
        return TypedResults.Created($"/api/v1/licences/{licence.Id}", LicenceViews.Detail(licence, await HistoryAsync(db, licence, ct), await UsesAsync(db, licence, ct), LicenceViews.Today(clock)));
    }

    private static async Task<Ok<List<LicenceSummary>>> Mine(ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await MineAsync(user, access, db, clock, ct));

    internal static async Task<List<LicenceSummary>> MineAsync(ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var account = access.AccountOf(user);
        var codes = await access.HolderCodesAsync(user, ct);
        var licences = await db.Licences.AsNoTracking()
            .Where(l => (account != null && l.HolderAccountId == account) || codes.Contains(l.HolderCode))
            .OrderByDescending(l => l.IssuedAtUtc).Take(500).ToListAsync(ct);
        var today = LicenceViews.Today(clock);
        return [.. licences.Select(l => LicenceViews.Summary(l, today))];
    }

    private static async Task<Results<Ok<List<LicenceSummary>>, ProblemHttpResult>> Issued(ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (access.StaffOf(user) is not { } staff)
        {
            return StaffOnly.ToProblem();
        }

        var query = db.Licences.AsNoTracking();
        if (!staff.IsPlatformAdmin)
        {
            var issuerCodes = db.Issuers.Where(i => i.DepartmentCode == staff.DepartmentCode).Select(i => i.CreditCode);
            query = query.Where(l => issuerCodes.Contains(l.IssuerCode));
        }

        var today = LicenceViews.Today(clock);
        var licences = await query.OrderByDescending(l => l.IssuedAtUtc).Take(200).ToListAsync(ct);
        return TypedResults.Ok(licences.Select(l => LicenceViews.Summary(l, today)).ToList());
    }

    private static async Task<Results<Ok<LicenceDetail>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var licence = await VisibleAsync(id, user, access, db, ct);
        return licence is null
            ? LicenceErrors.NotFound.ToProblem()
            : TypedResults.Ok(LicenceViews.Detail(licence, await HistoryAsync(db, licence, ct), await UsesAsync(db, licence, ct), LicenceViews.Today(clock)));
    }

    private static async Task<Results<Ok<LicenceSummary>, ProblemHttpResult>> ChangeStatus(
        Guid id, StatusRequest request, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, LicenceIssuing issuing, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        if (await IssuedByCallerAsync(id, user, access, db, ct) is not { } found)
        {
            return LicenceErrors.NotFound.ToProblem();
        }

        if (request.Revision is { } revision && revision != found.Licence.Revision)
        {
            return LicenceErrors.StaleRevision.ToProblem();
        }

        if (request.Status is not { } status)
        {
            return LicenceErrors.IllegalStatusChange.ToProblem();
        }

        var changed = await issuing.ChangeStatusAsync(found.Licence, status, request.Reason, actors.Current, ct);
        return changed.IsFailure ? changed.Error!.ToProblem() : TypedResults.Ok(LicenceViews.Summary(changed.Value!, LicenceViews.Today(clock)));
    }

    private static async Task<Results<Created<LicenceSummary>, ProblemHttpResult>> NewVersion(
        Guid id, VersionRequest request, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, LicenceIssuing issuing, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        if (await IssuedByCallerAsync(id, user, access, db, ct) is not { } found)
        {
            return LicenceErrors.NotFound.ToProblem();
        }

        if (request.Revision is { } revision && revision != found.Licence.Revision)
        {
            return LicenceErrors.StaleRevision.ToProblem();
        }

        var type = await db.Types.FirstAsync(t => t.Code == found.Licence.TypeCode, ct);
        var next = await issuing.NewVersionAsync(found.Licence, found.Issuer, type, request.Fields, request.Reason, actors.Current, ct);
        return next.IsFailure ? next.Error!.ToProblem() : TypedResults.Created($"/api/v1/licences/{next.Value!.Id}", LicenceViews.Summary(next.Value, LicenceViews.Today(clock)));
    }

    /// <summary>The licence when the caller is its holder or its issuer's staff; otherwise null (a 404, whether it exists or not).</summary>
    internal static async Task<Licence?> VisibleAsync(Guid id, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, CancellationToken ct)
    {
        var licence = await db.Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        return licence is not null && (await access.IsHolderAsync(user, licence, ct) || await access.IsIssuerStaffAsync(user, licence, ct)) ? licence : null;
    }

    /// <summary>The licence (tracked) and its issuer, when the caller may change its licences; null otherwise.</summary>
    private static async Task<(Licence Licence, Issuer Issuer)?> IssuedByCallerAsync(Guid id, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, CancellationToken ct)
    {
        var licence = await db.Licences.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (licence is null || await access.IssuerOfAsync(user, licence.IssuerCode, ct) is not { } issuer)
        {
            return null;
        }

        return (licence, issuer);
    }

    internal static async Task<IReadOnlyList<LicenceUseRecord>> UsesAsync(LicencesDbContext db, Licence licence, CancellationToken ct) =>
        await db.Uses.AsNoTracking()
            .Where(u => db.Licences.Where(l => l.IssuerCode == licence.IssuerCode && l.Serial == licence.Serial).Select(l => l.Id).Contains(u.LicenceId))
            .OrderByDescending(u => u.AtUtc).Take(200).ToListAsync(ct);

    internal static async Task<IReadOnlyList<LicenceEvent>> HistoryAsync(LicencesDbContext db, Licence licence, CancellationToken ct) =>
        await db.Events.AsNoTracking().Where(e => e.IssuerCode == licence.IssuerCode && e.Serial == licence.Serial).OrderBy(e => e.AtUtc).ThenBy(e => e.Identifier).ThenBy(e => e.Id).ToListAsync(ct);
}

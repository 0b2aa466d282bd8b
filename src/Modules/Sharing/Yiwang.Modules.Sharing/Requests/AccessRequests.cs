using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Requests;

/// <summary>
/// Supply–demand matching (供需对接): a consumer department's data admin asks for items of a resource for one of its
/// systems, stating purpose, legal basis, period and daily volume. Unconditional resources are granted at once;
/// conditional ones wait for the provider's data admin, who grants (choosing which sensitive items the consumer may see
/// unmasked) or refuses with a reason within <c>Sharing:DecisionWorkingDays</c> working days. Not-shared resources are refused.
/// </summary>
internal sealed class AccessRequests(
    SharingDbContext db, SharingAccess access, Calling.GrantCache cache, IIdentityApi identity, IWorkingDayCalendar calendar, IOptions<SharingOptions> options,
    IActorAccessor actors, TimeProvider clock)
{
    public async Task<Result<AccessRequestView>> RequestAsync(ClaimsPrincipal user, string code, AccessRequestInput input, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is not { } department)
        {
            return SharingErrors.NotDataAdmin;
        }

        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code.ToUpperInvariant(), ct);
        if (resource is null)
        {
            return SharingErrors.ResourceNotFound;
        }

        if (department.Length == 0)
        {
            return SharingErrors.NotDataAdmin; // the operator token belongs to no department, so it consumes nothing
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(8));
        var items = input.Items?.Distinct().ToList() ?? [];
        var purpose = input.Purpose?.Trim() ?? "";
        if (input.ClientId is not { Length: > 0 } clientId || await identity.FindSystemAsync(clientId.Trim(), ct) is not { } system || system.DepartmentCode != department
            || items.Count == 0 || items.Any(i => resource.Item(i) is null) || purpose.Length is 0 or > 500 || input.LegalBasis?.Length > 500
            || !DateOnly.TryParseExact(input.ValidUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
            || until < today || until > today.AddYears(2) || input.DailyQuota is not (>= 1 and <= 1_000_000))
        {
            return SharingErrors.InvalidRequest;
        }

        if (resource.ProviderDepartmentCode == department)
        {
            return SharingErrors.OwnResource;
        }

        if (resource.ShareType == ShareType.NotShared)
        {
            return SharingErrors.NotShared;
        }

        var number = $"GX{now.UtcDateTime.AddHours(8):yyyyMMdd}{await DailySequences.NextAsync(db, "sharing_sequence", "request", now.UtcDateTime.AddHours(8).ToString("yyyyMMdd", CultureInfo.InvariantCulture), ct):D5}";
        var request = AccessRequest.Submit(Ids.New(clock), number, resource, department, system.ClientId, items, purpose, input.LegalBasis?.Trim(), until,
            input.DailyQuota.Value, now, calendar.AddWorkingDays(now, options.Value.DecisionWorkingDays).UtcDateTime);
        db.Requests.Add(request);
        db.Audit.Add(AuditEntry.Record(actors.Current, "sharing.requested", number, $"{resource.Code} for {system.ClientId}: {string.Join(',', items)}", clock));
        if (resource.ShareType == ShareType.Unconditional)
        {
            // 无条件共享: granted by the rule itself; sensitive items stay masked.
            request.Grant("无条件共享", [], now);
            db.Audit.Add(AuditEntry.Record(actors.Current, "sharing.granted", number, "unconditional", clock));
        }

        await db.SaveChangesAsync(ct);
        cache.Clear();
        return View(request, now);
    }

    public async Task<Result<AccessRequestView>> DecideAsync(ClaimsPrincipal user, Guid id, DecisionInput input, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is null)
        {
            return SharingErrors.NotDataAdmin;
        }

        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !(access.ActsFor(user, request.ProviderDepartmentCode) || access.ActsFor(user, request.ConsumerDepartmentCode)))
        {
            return SharingErrors.RequestNotFound;
        }

        if (!access.ActsFor(user, request.ProviderDepartmentCode))
        {
            return SharingErrors.NotProvider;
        }

        if (input.Approve is not { } approve || (!approve && input.Reason?.Trim() is not { Length: > 0 and <= 500 }))
        {
            return MissingDecision(input);
        }

        if (input.Revision is { } seen && seen != request.Revision)
        {
            return SharingErrors.StaleRevision;
        }

        var now = clock.GetUtcNow();
        var who = SharingAccess.Name(user);
        var decided = approve ? request.Grant(who, input.ClearItems ?? [], now) : request.Refuse(who, input.Reason!.Trim(), now);
        if (decided.IsFailure)
        {
            return decided.Error!;
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, approve ? "sharing.granted" : "sharing.refused", request.Number,
            approve ? $"masked: {string.Join(',', request.MaskedItems)}" : request.Reason, clock));
        return await SaveAsync(request, now, ct);
    }

    public async Task<Result<AccessRequestView>> RevokeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is null)
        {
            return SharingErrors.NotDataAdmin;
        }

        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !(access.ActsFor(user, request.ProviderDepartmentCode) || access.ActsFor(user, request.ConsumerDepartmentCode)))
        {
            return SharingErrors.RequestNotFound;
        }

        if (!access.ActsFor(user, request.ProviderDepartmentCode))
        {
            return SharingErrors.NotProvider;
        }

        var now = clock.GetUtcNow();
        var revoked = request.Revoke(SharingAccess.Name(user), now);
        if (revoked.IsFailure)
        {
            return revoked.Error!;
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, "sharing.revoked", request.Number, request.ClientId, clock));
        return await SaveAsync(request, now, ct);
    }

    /// <summary>What the caller's department asked for and what it must decide, newest first.</summary>
    public async Task<IReadOnlyList<AccessRequestView>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is not { } department)
        {
            return [];
        }

        var query = db.Requests.AsNoTracking();
        if (!access.IsPlatformAdmin(user))
        {
            query = query.Where(r => r.ProviderDepartmentCode == department || r.ConsumerDepartmentCode == department);
        }

        var now = clock.GetUtcNow();
        var rows = await query.OrderByDescending(r => r.RequestedAtUtc).Take(200).ToListAsync(ct);
        return [.. rows.Select(r => View(r, now))];
    }

    private async Task<Result<AccessRequestView>> SaveAsync(AccessRequest request, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SharingErrors.StaleRevision;
        }

        cache.Clear();
        return View(request, now);
    }

    private static Error MissingDecision(DecisionInput input) => input.Approve is null ? SharingErrors.InvalidRequest : SharingErrors.ReasonRequired;

    public static AccessRequestView View(AccessRequest r, DateTimeOffset now) => new(
        r.Id, r.Number, r.ResourceCode, r.ResourceName, r.ProviderDepartmentCode, r.ConsumerDepartmentCode, r.ClientId, r.Items, r.MaskedItems, r.Purpose, r.LegalBasis,
        r.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DailyQuota, r.State, r.RequestedAtUtc, r.State == RequestState.Pending ? r.DueAtUtc : null,
        r.IsOverdue(now), r.EscalatedAtUtc is not null, r.Reason, r.DecidedAtUtc, r.Revision);
}

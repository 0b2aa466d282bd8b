using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Paging;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Cases;

internal sealed class CasesApi(CasesDbContext db, CaseAccess access, ItemSnapshots items, ApplicationForms forms, IIdentityApi identity, IActorAccessor actor, TimeProvider clock) : ICasesApi
{
    public async Task<PagedList<CaseSummary>> MineAsync(ClaimsPrincipal user, PageRequest page, CancellationToken ct)
    {
        if (access.AccountOf(user) is not { } id)
        {
            return new PagedList<CaseSummary>([], 0, page.Page, page.PageSize);
        }

        // Own cases, and those of the legal persons the person represents or acts for now.
        var profile = await identity.ProfileAsync(id, ct);
        var credits = profile?.ActsFor.Select(l => l.CreditCode).ToList() ?? [];
        var query = db.Cases.AsNoTracking().Where(c => c.ApplicantAccountId == id || (c.LegalPersonCreditCode != null && credits.Contains(c.LegalPersonCreditCode)));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.CreatedAtUtc).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new PagedList<CaseSummary>([.. rows.Select(c => CaseViews.Summary(c, now))], total, page.Page, page.PageSize);
    }

    public async Task<IReadOnlyList<CompletedCase>> CompletedSinceAsync(DateTime sinceUtc, int take, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.CompletedAtUtc != null && c.CompletedAtUtc >= sinceUtc)
            .OrderBy(c => c.CompletedAtUtc).ThenBy(c => c.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return [.. rows.Select(c => new CompletedCase(c.Id, c.Number, c.ItemCode, c.Item.Name, c.DepartmentCode, c.Decision, c.CompletedAtUtc!.Value,
            c.ApplicantAccountId, c.Applicant.Name, c.Applicant.IdNumber, c.Applicant.CreditCode ?? c.LegalPersonCreditCode, c.Applicant.LegalPersonName, c.Form))];
    }

    public async Task<CaseDetail?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var viewer = await access.ViewerAsync(user, c, actor.Current.Id, ct);
        return viewer.CanSee ? await CaseViews.DetailAsync(db, c, viewer, clock.GetUtcNow(), ct) : null;
    }

    public async Task<PagedList<CaseSummary>> QueueAsync(ClaimsPrincipal user, QueueFilter filter, CancellationToken ct)
    {
        var page = filter.Page;
        if (access.StaffOf(user) is not { } staff)
        {
            return new PagedList<CaseSummary>([], 0, page.Page, page.PageSize);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = WorkQueue.InScope(db.Cases.AsNoTracking(), staff).Where(c => c.State != CaseState.Draft);
        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (filter.ItemCode is { Length: > 0 } item)
        {
            query = query.Where(c => c.ItemCode == item);
        }

        query = filter.Light switch
        {
            TimeLight.Red => query.Where(c => c.RunningDueAtUtc <= now),
            TimeLight.Yellow => query.Where(c => c.RunningWarnAtUtc <= now && c.RunningDueAtUtc > now),
            TimeLight.Green => query.Where(c => c.RunningWarnAtUtc > now),
            TimeLight.None => query.Where(c => c.RunningDueAtUtc == null),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        // With a light: most urgent first. Without: newest first.
        var ordered = filter.Light is TimeLight.Red or TimeLight.Yellow or TimeLight.Green
            ? query.OrderBy(c => c.RunningDueAtUtc).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.CreatedAtUtc).ThenBy(c => c.Id);
        var rows = await ordered.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var at = clock.GetUtcNow();
        return new PagedList<CaseSummary>([.. rows.Select(c => CaseViews.Summary(c, at))], total, page.Page, page.PageSize);
    }

    public async Task<FormView?> FormAsync(ClaimsPrincipal user, string itemCode, CancellationToken ct)
    {
        if (await items.GetAsync(itemCode, ct) is not { } item)
        {
            return null;
        }

        var account = access.AccountOf(user);
        var profile = account is { } id ? await identity.ProfileAsync(id, ct) : null;
        var actsFor = profile?.ActsFor.Select(l => l.CreditCode).ToList() ?? [];
        var fields = await forms.PrefillAsync(item, account, item.ForLegalPersons ? actsFor.FirstOrDefault() : null, ct);
        return new FormView(item.Code, item.Name, fields, [.. item.Materials.Select(m => new MaterialRequirement(m.Name, m.Required, false, m.ReplacedByLicenceType))], actsFor);
    }

    public async Task<IReadOnlyList<NotificationView>> NotificationsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (access.AccountOf(user) is not { } id)
        {
            return [];
        }

        var rows = await db.Notifications.AsNoTracking().Where(n => n.AccountId == id).OrderByDescending(n => n.CreatedAtUtc).Take(50).ToListAsync(ct);
        return [.. rows.Select(n => new NotificationView(n.Id, n.CaseId, n.Text, n.CreatedAtUtc, n.ReadAtUtc is not null))];
    }

    public async Task<IReadOnlyList<AlertView>> AlertsAsync(ClaimsPrincipal user, string? kind, CancellationToken ct)
    {
        if (access.StaffOf(user) is not { } staff)
        {
            return [];
        }

        // Hall waits belong to the hall of a region: its staff see them whatever their department.
        var query = staff.DataScope == "Department"
            ? db.Alerts.AsNoTracking().Where(a => a.DepartmentCode == staff.DepartmentCode || (a.Kind == AlertKind.HallWait && a.RegionCode == staff.RegionCode))
            : WorkQueue.InScope(db.Alerts.AsNoTracking(), staff);
        if (Enum.TryParse<AlertKind>(kind, true, out var k))
        {
            query = query.Where(a => a.Kind == k);
        }

        var rows = await query.OrderByDescending(a => a.RaisedAtUtc).Take(200).ToListAsync(ct);
        return [.. rows.Select(a => new AlertView(a.Id, a.SubjectId, a.Kind.ToString(), a.CaseNumber, a.DepartmentCode, a.RegionCode, a.Text, a.RaisedAtUtc))];
    }

    public async Task<CaseProgress?> TrackAsync(string? number, string? queryCode, CancellationToken ct)
    {
        if (!CaseNumber.IsWellFormed(number) || queryCode is not { Length: 8 })
        {
            return null;
        }

        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct);
        if (c is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(c.QueryCode ?? ""), System.Text.Encoding.ASCII.GetBytes(queryCode.ToUpperInvariant())))
        {
            return null;
        }

        var events = await db.Events.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.AtUtc).ToListAsync(ct);
        // The public view names no person: actors are shown by role of the step only.
        return new CaseProgress(c.Number!, c.Item.Name, c.Item.DepartmentName, c.State, c.LightAt(clock.GetUtcNow()), c.AcceptedAtUtc, c.DueAtUtc,
            [.. events.Select(e => e.ToView() with { ActorName = "", Opinion = null })]);
    }
}

/// <summary>The data-scope filter of staff queues and lists, as SQL-translatable predicates.</summary>
internal static class WorkQueue
{
    public static IQueryable<T> InScope<T>(IQueryable<T> records, StaffView staff)
        where T : class, IScopedRecord => staff.DataScope switch
    {
        "All" => records,
        "Region" when Yiwang.Kernel.RegionCodes.PrefixOf(staff.RegionCode) is { } prefix => records.Where(r => r.RegionCode.StartsWith(prefix)),
        "Department" when staff.DepartmentCode is { } dept => records.Where(r => r.DepartmentCode == dept),
        _ => records.Where(r => false),
    };
}

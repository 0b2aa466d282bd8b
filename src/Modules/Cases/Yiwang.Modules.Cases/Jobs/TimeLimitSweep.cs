using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Yiwang.Kernel;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;

namespace Yiwang.Modules.Cases.Jobs;

/// <summary>What one sweep raised.</summary>
internal sealed record SweepResult(int Warnings, int Overdue, int HallWaits, int LateRectifications);

/// <summary>
/// The time-limit sweep (电子监察): raises yellow warnings, overdue escalations, hall-wait alerts and late-rectification
/// alerts. It looks for subjects whose flag is still unset rather than for a time window, so a sweep missed during a
/// restart is caught up by the next one; the flag and a unique (subject, kind, round) key make a second sweep, on this
/// node or another, raise nothing twice.
/// </summary>
internal sealed class TimeLimitSweep(IServiceScopeFactory scopes, IOptions<CasesOptions> options, TimeProvider clock, ILogger<TimeLimitSweep> logger)
    : PeriodicJob(logger)
{
    protected override Task PassAsync(CancellationToken ct) => RunOnceAsync(ct);

    private const int Batch = 5000;

    public async Task<SweepResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var t = now.UtcDateTime;
        var warnings = await RaiseAsync(AlertKind.Warning,
            q => q.Where(c => c.WarningRaisedAtUtc == null && c.RunningWarnAtUtc <= t && c.RunningDueAtUtc > t),
            (db, ids) => db.Cases.Where(c => ids.Contains(c.Id) && c.WarningRaisedAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.WarningRaisedAtUtc, t), ct),
            "办件即将超期（黄灯预警）", now, ct);
        var overdue = await RaiseAsync(AlertKind.Overdue,
            q => q.Where(c => c.OverdueRaisedAtUtc == null && c.RunningDueAtUtc <= t),
            (db, ids) => db.Cases.Where(c => ids.Contains(c.Id) && c.OverdueRaisedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.OverdueRaisedAtUtc, t).SetProperty(c => c.WarningRaisedAtUtc, c => c.WarningRaisedAtUtc ?? t), ct),
            "办件已超期（红灯），已上报效能监督", now, ct);
        var hall = await HallWaitsAsync(now, ct);
        var late = await LateRectificationsAsync(now, ct);
        return new SweepResult(warnings, overdue, hall, late);
    }

    private async Task<int> RaiseAsync(
        AlertKind kind, Func<IQueryable<ServiceCase>, IQueryable<ServiceCase>> due, Func<CasesDbContext, List<Guid>, Task<int>> mark,
        string text, DateTimeOffset now, CancellationToken ct)
    {
        var raised = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var rows = await due(db.Cases.AsNoTracking())
                .Select(c => new { c.Id, c.Number, c.DepartmentCode, c.RegionCode, c.DeadlineRound }).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return raised;
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var marked = await mark(db, [.. rows.Select(r => r.Id)]);
            db.Alerts.AddRange(rows.Select(r => TimeAlert.Raise(Ids.New(clock), r.Id, kind, r.DeadlineRound, r.Number, r.DepartmentCode, r.RegionCode, text, now)));
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                raised += rows.Count;
            }
            catch (DbUpdateException)
            {
                // Another node raised some of these first; its flags are committed, so the next query skips them.
                await tx.RollbackAsync(ct);
                if (marked == 0)
                {
                    return raised;
                }
            }

            if (rows.Count < Batch)
            {
                return raised;
            }
        }
    }

    private async Task<int> HallWaitsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var limit = now.UtcDateTime.AddMinutes(-Math.Max(1, options.Value.HallWaitAlertMinutes));
        var tickets = await db.Tickets.Where(x => x.State == TicketState.Waiting && x.WaitAlertRaisedAtUtc == null && x.TakenAtUtc <= limit).Take(Batch).ToListAsync(ct);
        foreach (var ticket in tickets)
        {
            ticket.MarkWaitAlertRaised(now);
            db.Alerts.Add(TimeAlert.Raise(Ids.New(clock), ticket.Id, AlertKind.HallWait, 1, null, "HALL-" + ticket.HallCode, ticket.HallCode,
                $"{ticket.CallNumber} 号已等候超过 {options.Value.HallWaitAlertMinutes} 分钟", now));
        }

        return await SaveOrSkipAsync(db, tickets.Count, ct);
    }

    private async Task<int> LateRectificationsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var t = now.UtcDateTime;
        var tasks = await db.Rectifications.Where(r => r.State != RectificationState.Closed && r.OverdueRaisedAtUtc == null && r.DueAtUtc <= t).Take(Batch).ToListAsync(ct);
        foreach (var task in tasks)
        {
            task.MarkOverdueRaised(now);
            db.Alerts.Add(TimeAlert.Raise(Ids.New(clock), task.Id, AlertKind.RectificationOverdue, 1, null, task.DepartmentCode, task.RegionCode, "差评整改已超过期限", now));
        }

        return await SaveOrSkipAsync(db, tasks.Count, ct);
    }

    private static async Task<int> SaveOrSkipAsync(CasesDbContext db, int count, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return count;
        }
        catch (DbUpdateException)
        {
            return 0;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// The deadline sweep (时限预警): every <c>Hotline:SweepSeconds</c> it looks at the tickets a department holds and records,
/// once per dispatch, a warning when <c>Hotline:WarnShare</c> of the handling time is used, a sign-for overdue, and an
/// escalation (超时督办) past the handling time, each as a history step and an audit row. The mark, the step and the
/// audit row are one commit guarded by the ticket's revision: two nodes or a restart neither double nor lose one.
/// </summary>
internal sealed class TicketDeadlines(
    IServiceScopeFactory scopes, IOptions<HotlineOptions> options, TimeProvider clock, ILogger<TicketDeadlines> logger) : PeriodicJob(logger)
{
    private static readonly Actor Sweep = new("hotline", "时限监控");


    protected override Task PassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One pass; returns what it recorded, as (ticket number, step) pairs.</summary>
    public async Task<IReadOnlyList<(string Number, string Step)>> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var open = await db.Tickets.Where(t => t.State == TicketState.Dispatched || t.State == TicketState.Accepted)
            .OrderBy(t => t.HandleDueUtc).Take(2000).Select(t => t.Id).ToListAsync(ct);
        var recorded = new List<(string, string)>();
        foreach (var id in open)
        {
            db.ChangeTracker.Clear();
            var ticket = await db.Tickets.FirstAsync(t => t.Id == id, ct);
            if (ticket.CheckDeadlines(now, options.Value.WarnShare) is not { } step)
            {
                continue;
            }

            db.Events.Add(TicketEvent.Record(Ids.New(clock), ticket.Id, step, Sweep.Name, ticket.DepartmentCode, now));
            db.Audit.Add(AuditEntry.Record(Sweep, "hotline.ticket_" + step, ticket.Number, ticket.DepartmentCode, clock));
            try
            {
                await db.SaveChangesAsync(ct);
                recorded.Add((ticket.Number, step));
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (handled, or recorded by another node): the next pass looks again.
            }
        }

        return recorded;
    }

}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences.Jobs;

/// <summary>
/// Escalates data objections (证照数据异议) the issuer has not answered by their due time: each is marked escalated
/// once, with an audit entry, and from then on shows in the supervisors' list. The mark and the audit entry are one
/// commit guarded by the objection's revision, so two nodes or a restart never escalate the same objection twice and
/// an escalation is never lost: what one pass misses, the next one finds.
/// </summary>
internal sealed class EscalateOverdueObjections(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<EscalateOverdueObjections> logger) : PeriodicJob(logger)
{
    private static readonly Actor Supervision = new("licences", "证照异议督办");


    protected override Task PassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One pass; returns how many objections this pass escalated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var due = await db.Objections.Where(o => o.State == ObjectionState.Open && o.EscalatedAtUtc == null && o.DueAtUtc < now.UtcDateTime)
            .OrderBy(o => o.DueAtUtc).Take(500).Select(o => o.Id).ToListAsync(ct);
        var escalated = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var objection = await db.Objections.FirstAsync(o => o.Id == id, ct);
            if (!objection.Escalate(now))
            {
                continue;
            }

            db.Audit.Add(AuditEntry.Record(Supervision, "licences.objection_overdue", objection.Identifier, $"objection {objection.Id} due {objection.DueAtUtc:O}", clock));
            try
            {
                await db.SaveChangesAsync(ct);
                escalated++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Answered or escalated by someone else meanwhile: nothing to do.
            }
        }

        return escalated;
    }

}

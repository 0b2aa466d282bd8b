using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Requests;

/// <summary>
/// Escalates (催办) conditional requests the provider has not decided, and objections it has not answered, past their
/// working-day limits: once each, marked in the same commit as the audit row and guarded by the revision, so that two
/// nodes or a restart neither double nor lose one.
/// </summary>
internal sealed class OverdueSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OverdueSweep> logger) : PeriodicJob(logger)
{
    private static readonly Actor Sweep = new("sharing", "时限监控");


    protected override Task PassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One pass; returns the request numbers and objection ids it escalated.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        var escalated = new List<string>();
        var requests = await db.Requests.Where(r => r.State == RequestState.Pending && r.EscalatedAtUtc == null && r.DueAtUtc < now.UtcDateTime).Take(500).ToListAsync(ct);
        foreach (var request in requests)
        {
            request.Escalate(now);
            db.Audit.Add(AuditEntry.Record(Sweep, "sharing.request_escalated", request.Number, request.ProviderDepartmentCode, clock));
            escalated.Add(request.Number);
        }

        var objections = await db.Objections.Where(o => o.State == "Open" && o.EscalatedAtUtc == null && o.DueAtUtc < now.UtcDateTime).Take(500).ToListAsync(ct);
        foreach (var objection in objections)
        {
            objection.Escalate(now);
            db.Audit.Add(AuditEntry.Record(Sweep, "sharing.objection_escalated", objection.Id.ToString(), objection.ProviderDepartmentCode, clock));
            escalated.Add(objection.Id.ToString());
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return []; // another node escalated them first; the next pass sees their marks
        }

        return escalated;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Kernel;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Hotline.Tickets;

namespace Yiwang.Modules.Hotline;

/// <summary>
/// On the first start of a deployment: the default category tree and the default time-limit rules (one per urgency,
/// for every kind). After that both are the operators' data; nothing here overwrites them.
/// </summary>
internal sealed class HotlineInitializer(IServiceScopeFactory scopes, TimeProvider clock) : IModuleInitializer
{
    public int Order => 160;

    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var limits = scope.ServiceProvider.GetRequiredService<TicketLimits>();
        if (!await db.Categories.AnyAsync(ct))
        {
            db.Categories.AddRange(Categories.DefaultTaxonomy.Load());
        }

        if (!await db.TimeLimits.AnyAsync(ct))
        {
            foreach (var urgency in Enum.GetValues<TicketUrgency>())
            {
                var (sign, handle, unit) = limits.Default(urgency);
                db.TimeLimits.Add(TimeLimit.Create(Ids.New(clock), null, urgency, sign, handle, unit, clock.GetUtcNow()).Value!);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node started at the same moment and seeded first; its rows are the same defaults.
        }
    }
}

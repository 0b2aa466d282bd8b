using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Reference.Persistence;
using Yiwang.Modules.Reference.Seeding;

namespace Yiwang.Modules.Reference;

/// <summary>Seeds the shipped regions and calendar on first start, then keeps the calendar in memory.</summary>
internal sealed class ReferenceInitializer(IServiceScopeFactory scopes, CalendarHolder calendar) : IModuleInitializer
{
    public int Order => 0;

    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferenceDbContext>();
        if (!await db.Regions.AnyAsync(ct))
        {
            db.Regions.AddRange(ShippedData.Regions());
            await db.SaveChangesAsync(ct);
        }

        if (!await db.HolidayDays.AnyAsync(ct))
        {
            // Later years' files repeat a few adjusted days of the year before; the later file wins.
            var days = ShippedData.HolidayDays().GroupBy(d => d.Date).Select(g => g.Last());
            db.HolidayDays.AddRange(days);
            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        await ReloadCalendarAsync(db, calendar, ct);
    }

    public static async Task ReloadCalendarAsync(ReferenceDbContext db, CalendarHolder calendar, CancellationToken ct) =>
        calendar.Replace(await db.HolidayDays.AsNoTracking().ToListAsync(ct));
}

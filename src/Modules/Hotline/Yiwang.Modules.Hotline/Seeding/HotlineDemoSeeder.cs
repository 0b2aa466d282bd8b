using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;

namespace Yiwang.Modules.Hotline.Seeding;

/// <summary>
/// Demo routes for the two demo districts: the matters their demo departments handle (market regulation in Guang'an,
/// civil affairs in Wuhou). A real deployment loads its own table; categories without a route wait for an agent.
/// </summary>
internal sealed class HotlineDemoSeeder(HotlineDbContext db, TimeProvider clock) : IDemoSeeder
{
    private static readonly (string Category, string Region, string Department)[] Demo =
    [
        ("商贸旅游", "511602", "GA-SCJG"),
        ("卫生计生", "511602", "GA-SCJG"),
        ("劳动和社会保障", "510107", "WH-MZ"),
        ("城乡建设", "510107", "WH-MZ"),
    ];

    public int Order => 160;

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        var added = 0;
        foreach (var (category, region, department) in Demo)
        {
            if (!await db.Routes.AnyAsync(r => r.Category == category && r.RegionCode == region, ct))
            {
                db.Routes.Add(RoutingRule.Create(Ids.New(clock), category, region, department, clock.GetUtcNow()).Value!);
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return $"hotline: {added} demo routes";
    }
}

using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Seeding;

/// <summary>
/// Demo routes for the two demo districts: the matters their demo departments handle (market regulation in Guang'an,
/// civil affairs in Wuhou), and the city's 12345 centre as a department. A real deployment loads its own table;
/// categories without a route wait for an agent.
/// </summary>
internal sealed class HotlineDemoSeeder(HotlineDbContext db, IReferenceApi reference, TimeProvider clock) : IDemoSeeder
{
    private static readonly (string Category, string Region, string Department)[] Demo =
    [
        ("商贸旅游", "511602", "GA-SCJG"),
        ("卫生计生", "511602", "GA-SCJG"),
        ("劳动和社会保障", "510107", "WH-MZ"),
        ("城乡建设", "510107", "WH-MZ"),
    ];

    public int Order => 160;

    /// <summary>The demo 12345 centre of Guang'an city, where the demo agent works.</summary>
    public const string HotlineCentre = "GA-12345";

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        await reference.EnsureDepartmentsAsync([new DepartmentInfo(HotlineCentre, "广安市12345政务服务便民热线中心", null, "511600", null)], ct);
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

using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;

namespace Yiwang.Modules.Hotline.Routing;

/// <summary>Finds the department for a category in a region: the most specific rule wins (county, city, province, everywhere).</summary>
internal sealed class RoutingTable(HotlineDbContext db)
{
    public async Task<string?> DepartmentForAsync(string category, string? regionCode, CancellationToken ct)
    {
        var order = RoutingRule.LookupOrder(regionCode);
        var rules = await db.Routes.AsNoTracking().Where(r => r.Category == category && order.Contains(r.RegionCode)).ToListAsync(ct);
        return rules.OrderBy(r => order.ToList().IndexOf(r.RegionCode)).FirstOrDefault()?.DepartmentCode;
    }
}

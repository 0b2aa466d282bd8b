using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Http;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Persistence;

namespace Yiwang.Modules.Catalog.Features;

/// <summary>
/// 同源 check: implementation items whose elements drift from their basic catalogue item. The elements compared are
/// those that law fixes nationally (name, type, legal basis, statutory limit); local elements (place, hours) may differ.
/// </summary>
internal static class ConsistencyReport
{
    public sealed record Drift(string Field, string? Basic, string? Implementation);

    public sealed record Finding(string Code, string Name, string? BasicCode, string? DepartmentName, string Problem, IReadOnlyList<Drift> Drifts);

    public sealed record Response(int Checked, int Consistent, int MissingBasic, int Drifting, IReadOnlyList<Finding> Findings);

    public static void MapConsistencyReport(this RouteGroupBuilder group) =>
        group.MapGet("/consistency", Handle).RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("Report implementation items that drift from their basic catalogue item (同源)");

    private static async Task<Ok<Response>> Handle(int? limit, CatalogDbContext db, CancellationToken ct)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.PublishedVersion != null).ToListAsync(ct);
        var guides = await db.Versions.AsNoTracking().Where(v => v.State == VersionState.Published).ToDictionaryAsync(v => v.ItemId, v => v.Guide, ct);
        var basics = items.Where(i => i.Kind == ItemKind.Basic).ToDictionary(i => i.Code, i => guides[i.Id]);
        var findings = new List<Finding>();
        int checkedCount = 0, missing = 0, drifting = 0;
        foreach (var item in items.Where(i => i.Kind == ItemKind.Implementation).OrderBy(i => i.Code))
        {
            checkedCount++;
            var guide = guides[item.Id];
            if (item.BasicCode is null || !basics.TryGetValue(item.BasicCode, out var basic))
            {
                missing++;
                findings.Add(new Finding(item.Code, guide.Name, item.BasicCode, item.DepartmentName, "missing-basic-item", []));
                continue;
            }

            var drifts = Compare(basic, guide);
            if (drifts.Count > 0)
            {
                drifting++;
                findings.Add(new Finding(item.Code, guide.Name, item.BasicCode, item.DepartmentName, "drift", drifts));
            }
        }

        var shown = findings.OrderBy(f => f.Problem == "drift" ? 0 : 1).Take(Math.Clamp(limit ?? 500, 1, 5000)).ToList();
        return TypedResults.Ok(new Response(checkedCount, checkedCount - missing - drifting, missing, drifting, shown));
    }

    internal static List<Drift> Compare(ItemGuide basic, ItemGuide local)
    {
        var drifts = new List<Drift>();
        void Check(string field, string? a, string? b)
        {
            if (!string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal))
            {
                drifts.Add(new Drift(field, a, b));
            }
        }

        Check("name", basic.Name, local.Name);
        Check("typeCode", basic.TypeCode, local.TypeCode);
        Check("legalBasis", basic.LegalBasis, local.LegalBasis);
        Check("statutoryLimitDays", basic.StatutoryLimitDays?.ToString(System.Globalization.CultureInfo.InvariantCulture), local.StatutoryLimitDays?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A local list may add materials, never drop one the basic item requires.
        var localMaterials = local.Materials.Select(m => m.Name).ToHashSet();
        var dropped = basic.Materials.Where(m => m.Required && !localMaterials.Contains(m.Name)).Select(m => m.Name).ToList();
        if (dropped.Count > 0)
        {
            drifts.Add(new Drift("materials", string.Join("；", dropped), null));
        }

        return drifts;
    }
}

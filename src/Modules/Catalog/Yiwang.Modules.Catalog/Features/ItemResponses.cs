using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Features;

internal static class ItemResponses
{
    public static ItemDetail ToDetail(this ServiceItem item, ItemVersion version, IReferenceApi reference) => new(
        item.Code,
        item.Kind,
        item.BasicCode,
        item.RegionCode,
        item.RegionCode is null ? null : reference.FindRegion(item.RegionCode)?.FullName,
        item.DepartmentCode,
        item.DepartmentName,
        version.Version,
        version.State.ToString(),
        version.PublishedAtUtc,
        item.PublishedVersion,
        version.Guide);

    public static object ProblemList(IEnumerable<FieldProblem> problems) =>
        problems.Select(p => new { field = p.Field, reason = p.Reason }).ToList();
}

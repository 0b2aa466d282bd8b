using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Catalog.Contracts;

namespace Yiwang.Modules.Cases;

/// <summary>
/// Reads the item's current published guide and turns it into the case's process (data, not code): the guide's steps
/// after acceptance become the review steps, each with its role and working-day limit.
/// </summary>
internal sealed class ItemSnapshots(ICatalogApi catalog)
{
    // Steps the case lifecycle itself models: acceptance before review, completion and delivery after the decision.
    private static readonly string[] LifecycleSteps = ["申请", "申报", "提交", "受理", "办结", "送达", "领取", "发证"];

    public async Task<ItemSnapshot?> GetAsync(string? itemCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(itemCode) || itemCode.Length > 64)
        {
            return null;
        }

        var item = await catalog.GetItemAsync(itemCode, null, ct);
        if (item is not { Kind: ItemKind.Implementation, DepartmentCode: { } dept, RegionCode: { } region })
        {
            return null;
        }

        var g = item.Guide;
        var steps = g.ProcessSteps
            .Where(s => !LifecycleSteps.Any(l => s.Name.Contains(l, StringComparison.Ordinal)))
            .Select(s => new ReviewStepView(s.Name, CaseAccess.RoleOfStep(s.Role), Math.Max(0, s.LimitDays ?? 0)))
            .ToList();
        var promised = g.PromisedLimitDays ?? g.StatutoryLimitDays ?? 0;
        if (steps.Count == 0)
        {
            steps.Add(new ReviewStepView("审查", Identity.Contracts.IdentityRoles.Approver, promised));
        }

        return new ItemSnapshot(
            item.Code, item.Version, g.Name, dept, item.DepartmentName ?? dept, region,
            g.HandlingKind == HandlingKind.Instant, promised, g.StatutoryLimitDays ?? promised, steps,
            [.. g.Materials.Select(m => new RequiredMaterial(m.Name, m.Required, m.ReplacedByLicenceType))],
            g.OnlineDepth >= OnlineDepth.Receipt,
            g.ServiceObjects.Contains("2") || g.ServiceObjects.Contains("3"));
    }
}

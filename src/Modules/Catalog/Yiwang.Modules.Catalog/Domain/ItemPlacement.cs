using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Domain;

/// <summary>Where an item sits: its region and implementing department, checked against the Reference module.</summary>
internal sealed record ItemPlacement(string? RegionCode, string? DepartmentCode, string? DepartmentName)
{
    public static async Task<Result<ItemPlacement>> ResolveAsync(ItemKind kind, string? regionCode, string? departmentCode, IReferenceApi reference, CancellationToken ct)
    {
        RegionInfo? region = null;
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            if (Reference.Contracts.RegionCode.Normalize(regionCode) is null)
            {
                return CatalogErrors.InvalidRegionCode;
            }

            region = reference.FindRegion(regionCode);
            if (region is null)
            {
                return CatalogErrors.UnknownRegion;
            }
        }

        DepartmentInfo? department = null;
        if (!string.IsNullOrWhiteSpace(departmentCode))
        {
            department = await reference.FindDepartmentAsync(departmentCode.Trim(), ct);
            if (department is null)
            {
                return CatalogErrors.UnknownDepartment;
            }
        }

        if (kind == ItemKind.Implementation && (region is null || department is null))
        {
            return CatalogErrors.ImplementationNeedsPlace;
        }

        return new ItemPlacement(region?.Code, department?.Code, department?.Name);
    }
}

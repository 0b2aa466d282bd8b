using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Catalog.Domain;

internal static class CatalogErrors
{
    public static readonly Error InvalidCode = Error.Validation("catalog.invalid_item_code", "An item code is 2 to 64 letters, digits, '-', '_' or '.'.");
    public static readonly Error NotFound = Error.NotFound("catalog.item_not_found", "No such item, or it has no published version.");
    public static readonly Error VersionNotFound = Error.NotFound("catalog.version_not_found", "No such version of this item.");
    public static readonly Error Duplicate = Error.Conflict("catalog.duplicate_item", "An item with this code exists.");
    public static readonly Error NothingToPublish = Error.Conflict("catalog.nothing_to_publish", "The item has no draft to publish.");
    public static readonly Error StaleRevision = Error.Conflict("concurrency.conflict", "The item changed since you read it; reload and try again.");
    public static readonly Error InvalidRegionCode = Error.Validation("catalog.invalid_region_code", "A region code is 2, 4, 6 or 12 digits (GB/T 2260).");
    public static readonly Error UnknownRegion = Error.Unprocessable("catalog.unknown_region", "No such region.");
    public static readonly Error UnknownDepartment = Error.Unprocessable("catalog.unknown_department", "No such department; register it first.");
    public static readonly Error ImplementationNeedsPlace = Error.Validation("catalog.implementation_needs_region_and_department", "An implementation item (实施清单) needs a region and an implementing department.");
}

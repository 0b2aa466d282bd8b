using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Search;

/// <summary>What the index needs of a published item: the item, its published version and its region.</summary>
internal sealed record IndexedItem(ServiceItem Item, ItemVersion Version, RegionInfo? Region)
{
    public ItemGuide Guide => Version.Guide;
}

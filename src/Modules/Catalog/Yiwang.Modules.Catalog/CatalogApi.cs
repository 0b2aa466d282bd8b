using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Paging;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Features;
using Yiwang.Modules.Catalog.Persistence;
using Yiwang.Modules.Catalog.Search;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog;

internal sealed class CatalogApi(CatalogSearchIndex index, CatalogDbContext db, IReferenceApi reference) : ICatalogApi
{
    public PagedList<CatalogHit> Search(CatalogSearch search) => index.Search(search);

    public async Task<ItemDetail?> GetItemAsync(string code, int? version, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item?.PublishedVersion is not { } published)
        {
            return null;
        }

        var wanted = version ?? published;
        var row = await db.Versions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.ItemId == item.Id && v.Version == wanted && v.State != VersionState.Draft, ct);
        return row is null ? null : item.ToDetail(row, reference);
    }
}

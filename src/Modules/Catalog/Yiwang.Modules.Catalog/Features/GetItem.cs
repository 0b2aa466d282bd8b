using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Persistence;

namespace Yiwang.Modules.Catalog.Features;

/// <summary>Reads an item's published guide, a past version of it, or its version history.</summary>
internal static class GetItem
{
    public sealed record VersionSummary(int Version, string State, string Name, DateTime CreatedAtUtc, DateTime? PublishedAtUtc);

    public static void MapGetItem(this RouteGroupBuilder group)
    {
        group.MapGet("/items/{code}", Handle).WithSummary("Get the published guide of an item, or ?version=N for a past published version");
        group.MapGet("/items/{code}/versions", ListVersions).WithSummary("List the published and past versions of an item");
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Handle(string code, int? version, ICatalogApi catalog, CancellationToken ct)
    {
        if (!ServiceItem.IsValidCode(code))
        {
            return CatalogErrors.InvalidCode.ToProblem();
        }

        if (version is < 1)
        {
            return Error.Validation("catalog.invalid_version", "version starts at 1.").ToProblem();
        }

        var detail = await catalog.GetItemAsync(code, version, ct);
        return detail is null ? (version is null ? CatalogErrors.NotFound : CatalogErrors.VersionNotFound).ToProblem() : TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<List<VersionSummary>>, ProblemHttpResult>> ListVersions(string code, CatalogDbContext db, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item?.PublishedVersion is null)
        {
            return CatalogErrors.NotFound.ToProblem();
        }

        var versions = await db.Versions.AsNoTracking().Where(v => v.ItemId == item.Id && v.State != VersionState.Draft)
            .OrderByDescending(v => v.Version)
            .Select(v => new VersionSummary(v.Version, v.State.ToString(), v.Name, v.CreatedAtUtc, v.PublishedAtUtc))
            .ToListAsync(ct);
        return TypedResults.Ok(versions);
    }
}

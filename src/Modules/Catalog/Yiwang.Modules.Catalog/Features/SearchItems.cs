using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Paging;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;

namespace Yiwang.Modules.Catalog.Features;

/// <summary>Chinese full-text search over published items with filters, ranking and highlights.</summary>
internal static class SearchItems
{
    public static void MapSearchItems(this RouteGroupBuilder group) =>
        group.MapGet("/items", Handle).WithSummary("Search published items (q: text; region, dept, type, depth, flag, kind: filters)");

    private static Results<Ok<PagedList<CatalogHit>>, ProblemHttpResult> Handle(
        string? q, string? region, string? dept, string? type, string? depth, string[]? flag, string? kind, int? page, int? pageSize, ICatalogApi catalog)
    {
        var search = Parse(q, region, dept, type, depth, flag, kind, page, pageSize);
        return search.IsFailure ? search.Error!.ToProblem() : TypedResults.Ok(catalog.Search(search.Value!));
    }

    internal static Result<CatalogSearch> Parse(string? q, string? region, string? dept, string? type, string? depth, string[]? flag, string? kind, int? page, int? pageSize)
    {
        var paging = PageRequest.From(page, pageSize);
        if (paging.IsFailure)
        {
            return paging.Error!;
        }

        if (q is { Length: > 200 })
        {
            return Error.Validation("catalog.query_too_long", "q is at most 200 characters.");
        }

        if (!string.IsNullOrWhiteSpace(region) && Reference.Contracts.RegionCode.Normalize(region) is null)
        {
            return CatalogErrors.InvalidRegionCode;
        }

        if (!string.IsNullOrWhiteSpace(type) && !CodeTables.ItemTypes.ContainsKey(type))
        {
            return Error.Validation("catalog.invalid_type_code", "type is a GB/T 39046 A.1 item type code such as 01 or 20.");
        }

        OnlineDepth? minDepth = null;
        if (!string.IsNullOrWhiteSpace(depth))
        {
            if (!Enum.TryParse<OnlineDepth>(depth, ignoreCase: true, out var d) || int.TryParse(depth, out _))
            {
                return Error.Validation("catalog.invalid_online_depth", "depth is one of None, Consultation, Receipt, PreReview, Acceptance, FullyOnline.");
            }

            minDepth = d;
        }

        ItemKind? itemKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<ItemKind>(kind, ignoreCase: true, out var k) || int.TryParse(kind, out _))
            {
                return Error.Validation("catalog.invalid_kind", "kind is Basic or Implementation.");
            }

            itemKind = k;
        }

        var flags = (flag ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
        if (flags.FirstOrDefault(f => !ItemFlags.Labels.ContainsKey(f)) is { } unknown)
        {
            return Error.Validation("catalog.invalid_flag", $"Unknown flag '{unknown}'.");
        }

        var normalizedRegion = string.IsNullOrWhiteSpace(region) ? null : Reference.Contracts.RegionCode.Normalize(region);
        return new CatalogSearch(q, normalizedRegion, string.IsNullOrWhiteSpace(dept) ? null : dept.Trim(), string.IsNullOrWhiteSpace(type) ? null : type, minDepth, flags, itemKind, paging.Value);
    }
}

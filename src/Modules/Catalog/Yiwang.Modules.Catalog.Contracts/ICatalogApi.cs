using Yiwang.Kernel.Paging;

namespace Yiwang.Modules.Catalog.Contracts;

/// <summary>A search over published items.</summary>
/// <param name="Text">Free text (Chinese or codes); empty lists everything that matches the filters.</param>
/// <param name="Region">Region code: items of this region and its sub-regions.</param>
/// <param name="Department">Implementing department code.</param>
/// <param name="TypeCode">事项类型代码.</param>
/// <param name="MinOnlineDepth">Only items at least this far online.</param>
/// <param name="Flags">Items carrying all of these flags.</param>
/// <param name="Kind">Basic or implementation items; both when null.</param>
/// <param name="Page">Paging.</param>
public sealed record CatalogSearch(
    string? Text,
    string? Region,
    string? Department,
    string? TypeCode,
    OnlineDepth? MinOnlineDepth,
    IReadOnlyList<string> Flags,
    ItemKind? Kind,
    PageRequest Page);

/// <summary>One search hit. Highlights are HTML-escaped text with matches wrapped in <c>&lt;em&gt;</c>.</summary>
public sealed record CatalogHit(
    string Code,
    ItemKind Kind,
    string Name,
    string NameHighlighted,
    string? Snippet,
    string TypeCode,
    string? DepartmentCode,
    string? DepartmentName,
    string? RegionCode,
    string? RegionName,
    OnlineDepth OnlineDepth,
    HandlingKind HandlingKind,
    int? PromisedLimitDays,
    IReadOnlyList<string> Flags,
    int Version,
    float Score);

/// <summary>A published or past version of an item with its guide.</summary>
public sealed record ItemDetail(
    string Code,
    ItemKind Kind,
    string? BasicCode,
    string? RegionCode,
    string? RegionName,
    string? DepartmentCode,
    string? DepartmentName,
    int Version,
    string State,
    DateTime? PublishedAtUtc,
    int? CurrentPublishedVersion,
    ItemGuide Guide);

/// <summary>The catalogue as seen by other modules and the web UI.</summary>
public interface ICatalogApi
{
    /// <summary>Searches published items.</summary>
    PagedList<CatalogHit> Search(CatalogSearch search);

    /// <summary>The current published version of an item, or a given published/past version; null if none.</summary>
    Task<ItemDetail?> GetItemAsync(string code, int? version, CancellationToken ct);
}

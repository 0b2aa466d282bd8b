namespace Yiwang.Kernel;

/// <summary>
/// Six-digit administrative division codes (行政区划代码, GB/T 2260): a province ends in 0000 and a city in 00, so every
/// code under a region starts with the region's prefix.
/// </summary>
public static class RegionCodes
{
    /// <summary>510000 → 51, 510100 → 5101, 510107 → 510107; null for none.</summary>
    public static string? PrefixOf(string? region) => region switch
    {
        { Length: 6 } r when r.EndsWith("0000", StringComparison.Ordinal) => r[..2],
        { Length: 6 } r when r.EndsWith("00", StringComparison.Ordinal) => r[..4],
        { Length: > 0 } r => r,
        _ => null,
    };

    /// <summary>Whether the region is the ancestor itself or lies under it.</summary>
    public static bool IsWithin(string region, string ancestor) =>
        region == ancestor || region.Length == 6 && ancestor.Length == 6 && PrefixOf(ancestor) is { } prefix && region.StartsWith(prefix, StringComparison.Ordinal);
}

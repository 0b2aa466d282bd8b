using System.Collections.Frozen;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Reference.Domain;

namespace Yiwang.Modules.Reference;

/// <summary>
/// The region tree in memory: 3,348 rows that change once a year, read on almost every request. Built from the data
/// shipped in the assembly (the same rows the database is seeded with), so it is ready before the database is.
/// </summary>
internal sealed class RegionDirectory
{
    public RegionDirectory()
    {
        Load([.. Seeding.ShippedData.Regions()]);
    }

    private FrozenDictionary<string, RegionInfo> _byCode = FrozenDictionary<string, RegionInfo>.Empty;
    private FrozenDictionary<string, RegionInfo[]> _children = FrozenDictionary<string, RegionInfo[]>.Empty;
    private RegionInfo[] _provinces = [];

    public bool IsLoaded => _byCode.Count > 0;

    public IReadOnlyList<RegionInfo> Provinces => _provinces;

    public void Load(IReadOnlyCollection<Region> regions)
    {
        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        string FullName(Region r) => string.Join(' ', RegionCode.Lineage(r.Code).Where(names.ContainsKey).Select(c => names[c]).Where(n => n != "市辖区" && n != "县"));
        var infos = regions.Select(r => new RegionInfo(r.Code, r.Name, r.Level, r.ParentCode, FullName(r))).ToList();
        _byCode = infos.ToFrozenDictionary(r => r.Code);
        _children = infos.Where(r => r.ParentCode is not null).GroupBy(r => r.ParentCode!)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray());
        _provinces = [.. infos.Where(r => r.Level == RegionLevel.Province).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    public RegionInfo? Find(string code) =>
        RegionCode.Normalize(code) is { } normalized && _byCode.TryGetValue(normalized, out var region) ? region : null;

    public IReadOnlyList<RegionInfo> ChildrenOf(string code) => _children.TryGetValue(code, out var list) ? list : [];
}

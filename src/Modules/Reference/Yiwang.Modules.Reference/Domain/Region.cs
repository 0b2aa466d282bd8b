using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Reference.Domain;

/// <summary>An administrative division (行政区划) as stored; shipped data, not edited at run time.</summary>
internal sealed class Region
{
    private Region()
    {
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public RegionLevel Level { get; private set; }
    public string? ParentCode { get; private set; }

    public static Region Create(string code, string name, RegionLevel level, string? parentCode) =>
        new() { Code = code, Name = name, Level = level, ParentCode = parentCode };
}

using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Hotline.Domain;

/// <summary>
/// A row of the routing table (派单规则): tickets of a first-level category in a region go to a department. A rule for a
/// province or city covers its counties unless a county has its own; a rule with no region covers the whole platform.
/// </summary>
internal sealed class RoutingRule
{
    private RoutingRule()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>First-level category (一级分类), as the dispatch model names it.</summary>
    public string Category { get; private set; } = "";

    /// <summary>Six-digit region code (GB/T 2260), or empty for everywhere.</summary>
    public string RegionCode { get; private set; } = "";

    public string DepartmentCode { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public int Revision { get; private set; }

    public static readonly Error Invalid = Error.Validation("hotline.invalid_route", "A route needs a category (at most 50 characters), a six-digit region code or none, and a known department.");

    public static Result<RoutingRule> Create(Guid id, string? category, string? regionCode, string departmentCode, DateTimeOffset now)
    {
        var name = category?.Trim() ?? "";
        var region = regionCode?.Trim() ?? "";
        if (name.Length is 0 or > 50 || (region.Length != 0 && (region.Length != 6 || !region.All(char.IsAsciiDigit))))
        {
            return Invalid;
        }

        return new RoutingRule { Id = id, Category = name, RegionCode = region, DepartmentCode = departmentCode, UpdatedAtUtc = now.UtcDateTime };
    }

    public void Reassign(string departmentCode, DateTimeOffset now)
    {
        DepartmentCode = departmentCode;
        UpdatedAtUtc = now.UtcDateTime;
        Revision++;
    }

    /// <summary>The region itself, its city, its province, then everywhere: the order rules are looked up in.</summary>
    public static IReadOnlyList<string> LookupOrder(string? regionCode)
    {
        if (regionCode is not { Length: 6 } r || !r.All(char.IsAsciiDigit))
        {
            return [""];
        }

        return [.. new[] { r, r[..4] + "00", r[..2] + "0000", "" }.Distinct()];
    }
}

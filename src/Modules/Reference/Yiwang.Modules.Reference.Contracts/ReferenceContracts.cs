namespace Yiwang.Modules.Reference.Contracts;

/// <summary>Level of an administrative division.</summary>
public enum RegionLevel
{
    /// <summary>Province-level (省级): provinces, autonomous regions, municipalities.</summary>
    Province,
    /// <summary>City-level (市级).</summary>
    City,
    /// <summary>County-level (县级): counties, districts, county-level cities.</summary>
    County,
}

/// <summary>An administrative division (行政区划).</summary>
/// <param name="Code">Six-digit code.</param>
/// <param name="Name">Official name.</param>
/// <param name="Level">Level.</param>
/// <param name="ParentCode">Parent code, null for provinces.</param>
/// <param name="FullName">Names from province down, e.g. 四川省 广安市 广安区.</param>
public sealed record RegionInfo(string Code, string Name, RegionLevel Level, string? ParentCode, string FullName);

/// <summary>A government department (部门).</summary>
/// <param name="Code">Local department code (unique).</param>
/// <param name="Name">Name.</param>
/// <param name="CreditCode">Unified social credit code, when known.</param>
/// <param name="RegionCode">Region it belongs to.</param>
/// <param name="ParentCode">Parent department code.</param>
public sealed record DepartmentInfo(string Code, string Name, string? CreditCode, string RegionCode, string? ParentCode);

/// <summary>
/// The working-day calendar (工作日历) in Asia/Shanghai: weekends are off except adjusted working days (调休),
/// official holidays are off.
/// </summary>
public interface IWorkingDayCalendar
{
    /// <summary>Whether the local date is a working day.</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>
    /// The instant <paramref name="days"/> working days after <paramref name="from"/>: the same Shanghai time of day on
    /// the <paramref name="days"/>-th working day after <paramref name="from"/>'s local date. Zero returns <paramref name="from"/>.
    /// </summary>
    DateTimeOffset AddWorkingDays(DateTimeOffset from, int days);

    /// <summary>Working days d with local(from) &lt; d ≤ local(to); negative when <paramref name="to"/> is earlier.</summary>
    int CountWorkingDays(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Years for which official holiday data is loaded; outside them only weekends are known.</summary>
    IReadOnlyCollection<int> CoveredYears { get; }
}

/// <summary>Reference data for other modules: regions and departments.</summary>
public interface IReferenceApi
{
    /// <summary>The region with this (normalisable) code, or null.</summary>
    RegionInfo? FindRegion(string code);

    /// <summary>The children of a region, or the provinces when <paramref name="code"/> is null.</summary>
    IReadOnlyList<RegionInfo> ChildrenOf(string? code);

    /// <summary>The department with this code, or null.</summary>
    Task<DepartmentInfo?> FindDepartmentAsync(string code, CancellationToken ct);

    /// <summary>The departments with these codes (unknown codes are left out), for naming the departments of a list.</summary>
    Task<IReadOnlyDictionary<string, DepartmentInfo>> FindDepartmentsAsync(IReadOnlyCollection<string> codes, CancellationToken ct);

    /// <summary>All departments by code, for bulk validation (imports).</summary>
    Task<IReadOnlyDictionary<string, DepartmentInfo>> AllDepartmentsAsync(CancellationToken ct);

    /// <summary>
    /// Registers the departments that do not exist yet (by code), for bulk loads such as a catalogue import that
    /// names its implementing bodies. Existing departments are left as they are. Returns how many were created,
    /// or the first invalid entry's error.
    /// </summary>
    Task<Yiwang.Kernel.Results.Result<int>> EnsureDepartmentsAsync(IReadOnlyCollection<DepartmentInfo> departments, CancellationToken ct);
}

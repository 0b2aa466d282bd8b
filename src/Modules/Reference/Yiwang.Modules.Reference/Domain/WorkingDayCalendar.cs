using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Reference.Domain;

/// <summary>
/// An immutable working-day calendar built from the official day list. Written here rather than taken from a
/// library because the rule is China-specific (调休 turns weekend days into working days) and is a small lookup.
/// </summary>
internal sealed class WorkingDayCalendar : IWorkingDayCalendar
{
    // Bounds keep a bad request from looping for long; ten years of working days is far past any statutory limit.
    public const int MaxDays = 2600;

    private readonly Dictionary<DateOnly, bool> _overrides;
    private readonly HashSet<int> _years;

    public WorkingDayCalendar(IEnumerable<(DateOnly Date, bool IsOffDay)> days)
    {
        _overrides = [];
        foreach (var (date, off) in days)
        {
            _overrides[date] = off;
        }

        _years = [.. _overrides.Keys.Select(d => d.Year)];
    }

    public static TimeZoneInfo Shanghai { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public IReadOnlyCollection<int> CoveredYears => _years;

    public bool IsWorkingDay(DateOnly date)
    {
        if (_overrides.TryGetValue(date, out var off))
        {
            return !off;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        if (days == 0)
        {
            return from;
        }

        var local = TimeZoneInfo.ConvertTime(from, Shanghai);
        var date = DateOnly.FromDateTime(local.DateTime);
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        // Shanghai has no daylight saving, so the local offset is always +08:00.
        return new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)), local.Offset);
    }

    public int CountWorkingDays(DateTimeOffset from, DateTimeOffset to)
    {
        var start = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Shanghai).DateTime);
        var end = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, Shanghai).DateTime);
        if (end < start)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}

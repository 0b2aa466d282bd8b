using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Reference.Domain;

namespace Yiwang.Modules.Reference;

/// <summary>The current calendar; swapped atomically when a year is imported.</summary>
internal sealed class CalendarHolder : IWorkingDayCalendar
{
    private volatile WorkingDayCalendar _current = new([]);

    public IReadOnlyCollection<int> CoveredYears => _current.CoveredYears;

    public void Replace(IEnumerable<HolidayDay> days) => _current = new WorkingDayCalendar(days.Select(d => (d.Date, d.IsOffDay)));

    public bool IsWorkingDay(DateOnly date) => _current.IsWorkingDay(date);

    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days) => _current.AddWorkingDays(from, days);

    public int CountWorkingDays(DateTimeOffset from, DateTimeOffset to) => _current.CountWorkingDays(from, to);
}

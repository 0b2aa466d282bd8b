using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Persistence;
using Yiwang.Modules.Reference.Seeding;

namespace Yiwang.Modules.Reference;

/// <summary>Imports one year of the holiday-cn format, replacing that year's days, so a newer year can be added at run time.</summary>
internal sealed class CalendarImporter(ReferenceDbContext db, CalendarHolder calendar, TimeProvider clock, IActorAccessor actor)
{
    public sealed record Outcome(int Year, int Days, int Holidays, int AdjustedWorkingDays);

    public async Task<Result<Outcome>> ImportAsync(Stream json, CancellationToken ct)
    {
        var parsed = HolidayCnFile.Parse(json);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var days = parsed.Value!.GroupBy(d => d.Date).Select(g => g.Last()).ToList();
        if (days.Count == 0)
        {
            return Error.Validation("reference.calendar_empty", "The file lists no days.");
        }

        var year = days.GroupBy(d => d.Date.Year).OrderByDescending(g => g.Count()).First().Key;
        var dates = days.Select(d => d.Date).ToList();
        var existing = await db.HolidayDays.Where(d => dates.Contains(d.Date)).ToDictionaryAsync(d => d.Date, ct);
        foreach (var day in days)
        {
            if (existing.TryGetValue(day.Date, out var stored))
            {
                stored.Change(day.IsOffDay, day.Name);
            }
            else
            {
                db.HolidayDays.Add(day);
            }
        }

        db.Audit.Add(AuditEntry.Record(actor.Current, "reference.calendar_imported", year.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{days.Count} days", clock));
        await db.SaveChangesAsync(ct);
        await ReferenceInitializer.ReloadCalendarAsync(db, calendar, ct);
        return new Outcome(year, days.Count, days.Count(d => d.IsOffDay), days.Count(d => !d.IsOffDay));
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Domain;
using Yiwang.Modules.Reference.Persistence;

namespace Yiwang.Modules.Reference.Features;

/// <summary>Working-day arithmetic in Asia/Shanghai, and the official day list of a year.</summary>
internal static class CalendarQueries
{
    public sealed record AddWorkingDaysResponse(DateTimeOffset From, int Days, DateTimeOffset Result, DateOnly ResultDate, bool HolidayDataCovered);

    public sealed record CountWorkingDaysResponse(DateTimeOffset From, DateTimeOffset To, int WorkingDays, bool HolidayDataCovered);

    public sealed record CalendarDay(DateOnly Date, string Name, bool IsOffDay);

    public sealed record CalendarYearResponse(int Year, bool Covered, int WorkingDays, IReadOnlyList<CalendarDay> Days);

    public static void MapCalendarQueries(this RouteGroupBuilder group)
    {
        group.MapGet("/calendar/add-working-days", AddWorkingDays)
            .WithSummary("Add N working days to an instant (Asia/Shanghai; instants without an offset are Shanghai time)");
        group.MapGet("/calendar/count-working-days", CountWorkingDays)
            .WithSummary("Count the working days after 'from' up to and including 'to'");
        group.MapGet("/calendar/{year:int}", GetYear).WithSummary("The official holidays and adjusted working days (调休) of a year");
    }

    private static Results<Ok<AddWorkingDaysResponse>, ProblemHttpResult> AddWorkingDays(string? from, int? days, CalendarHolder calendar)
    {
        var start = ParseInstant(from, "from");
        if (start.IsFailure)
        {
            return start.Error!.ToProblem();
        }

        if (days is not { } n || n < 0 || n > WorkingDayCalendar.MaxDays)
        {
            return Error.Validation("reference.invalid_days", $"days must be a whole number from 0 to {WorkingDayCalendar.MaxDays}.").ToProblem();
        }

        var result = calendar.AddWorkingDays(start.Value, n);
        var covered = calendar.CoveredYears.Contains(start.Value.Year) && calendar.CoveredYears.Contains(result.Year);
        return TypedResults.Ok(new AddWorkingDaysResponse(start.Value, n, result, DateOnly.FromDateTime(result.DateTime), covered));
    }

    private static Results<Ok<CountWorkingDaysResponse>, ProblemHttpResult> CountWorkingDays(string? from, string? to, CalendarHolder calendar)
    {
        var start = ParseInstant(from, "from");
        var end = ParseInstant(to, "to");
        if (start.IsFailure || end.IsFailure)
        {
            return (start.Error ?? end.Error)!.ToProblem();
        }

        if (Math.Abs((end.Value - start.Value).TotalDays) > 3660)
        {
            return Error.Validation("reference.range_too_long", "The range may span at most ten years.").ToProblem();
        }

        var count = calendar.CountWorkingDays(start.Value, end.Value);
        var covered = calendar.CoveredYears.Contains(start.Value.Year) && calendar.CoveredYears.Contains(end.Value.Year);
        return TypedResults.Ok(new CountWorkingDaysResponse(start.Value, end.Value, count, covered));
    }

    private static async Task<Results<Ok<CalendarYearResponse>, ProblemHttpResult>> GetYear(int year, ReferenceDbContext db, CalendarHolder calendar, CancellationToken ct)
    {
        if (year is < 1990 or > 2100)
        {
            return Error.Validation("reference.invalid_year", "year must be between 1990 and 2100.").ToProblem();
        }

        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var days = await db.HolidayDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(ct);
        var working = 0;
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            working += calendar.IsWorkingDay(d) ? 1 : 0;
        }

        return TypedResults.Ok(new CalendarYearResponse(year, calendar.CoveredYears.Contains(year), working, [.. days.Select(d => new CalendarDay(d.Date, d.Name, d.IsOffDay))]));
    }

    internal static Result<DateTimeOffset> ParseInstant(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Validation("reference.invalid_instant", $"{name} is required (ISO 8601, e.g. 2024-09-30T09:00:00+08:00).");
        }

        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var withOffset) && HasOffset(text))
        {
            return withOffset;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out var local))
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            return new DateTimeOffset(unspecified, WorkingDayCalendar.Shanghai.GetUtcOffset(unspecified));
        }

        return Error.Validation("reference.invalid_instant", $"{name} is not an ISO 8601 date or instant.");
    }

    private static bool HasOffset(string text)
    {
        var t = text.Trim();
        return t.EndsWith('Z') || t.EndsWith('z') || (t.Length > 10 && (t.LastIndexOf('+') > 10 || t.LastIndexOf('-') > 10));
    }
}

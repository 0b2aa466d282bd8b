using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// Hotline indicators (考核指标) per department or region over a period of ticket registration dates (Asia/Shanghai):
/// <list type="bullet">
/// <item>dispatched: tickets sent to the department (dispatches and transfers to it);</item>
/// <item>response rate (响应率): of the tickets it holds or held, those signed for (or replied) within the sign-for time;</item>
/// <item>on-time rate (按时办结率): of those replied, replied by the handling deadline;</item>
/// <item>resolution rate (解决率): of those it holds, closed after the callback;</item>
/// <item>satisfaction rate (满意率): of the rated, rated 4 or 5 of five;</item>
/// <item>average handling hours: dispatch to reply, for the replied;</item>
/// <item>return rate (退单率): returns by the department over tickets dispatched to it.</item>
/// </list>
/// Computed from the tickets and their history in memory: fine for a city's month; a warehouse query belongs here at national scale.
/// </summary>
internal static class Indicators
{
    public static readonly Error InvalidPeriod = Error.Validation("hotline.invalid_period", "Give from and to as yyyy-MM-dd, from not after to, at most 366 days apart; by is department or region.");

    public static void MapIndicators(this RouteGroupBuilder group)
    {
        group.MapGet("/indicators", Get).RequireAuthorization()
            .WithSummary("Indicators per department or region for a period (agents, supervisors and admins: all in scope; other staff: their department)");
        group.MapGet("/indicators.xlsx", Export).RequireAuthorization().WithSummary("The same indicators as an Excel workbook");
    }

    private static async Task<Results<Ok<IReadOnlyList<IndicatorRow>>, ProblemHttpResult>> Get(
        string? from, string? to, string? by, ClaimsPrincipal user, IndicatorReport report, CancellationToken ct)
    {
        var rows = await report.ComputeAsync(user, from, to, by, ct);
        return rows.IsFailure ? rows.Error!.ToProblem() : TypedResults.Ok(rows.Value!);
    }

    private static async Task<IResult> Export(string? from, string? to, string? by, ClaimsPrincipal user, IndicatorReport report, CancellationToken ct)
    {
        var rows = await report.ComputeAsync(user, from, to, by, ct);
        if (rows.IsFailure)
        {
            return rows.Error!.ToProblem();
        }

        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.Value!.Select(r => new Dictionary<string, object?>
        {
            ["分组"] = r.Key, ["名称"] = r.Name, ["派单量"] = r.Dispatched, ["响应率"] = r.ResponseRate, ["按时办结率"] = r.OnTimeRate,
            ["解决率"] = r.ResolutionRate, ["满意率"] = r.SatisfactionRate, ["平均办理时长（小时）"] = r.AverageHandlingHours, ["退单率"] = r.ReturnRate,
        }), cancellationToken: ct);
        stream.Position = 0;
        return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"hotline-indicators-{from}-{to}.xlsx");
    }
}

/// <summary>Computes the indicator rows for the caller's scope.</summary>
internal sealed class IndicatorReport(HotlineDbContext db, IAccountOverviews accounts, IReferenceApi reference)
{
    public async Task<Result<IReadOnlyList<IndicatorRow>>> ComputeAsync(ClaimsPrincipal user, string? fromText, string? toText, string? by, CancellationToken ct)
    {
        if (accounts.StaffOf(user) is not { } staff)
        {
            return Dispatch.Classify.StaffOnly;
        }

        if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(toText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || from > to || to.DayNumber - from.DayNumber > 366 || (by is not (null or "department" or "region")))
        {
            return Indicators.InvalidPeriod;
        }

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).UtcDateTime;
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).UtcDateTime;
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.CreatedAtUtc >= start && t.CreatedAtUtc < end && t.DispatchedAtUtc != null).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.TicketId) && e.DepartmentCode != null).ToListAsync(ct);
        var sees = staff.IsPlatformAdmin || staff.HasRole(IdentityRoles.HotlineAgent) || staff.HasRole(IdentityRoles.Supervisor);

        IndicatorRow Row(string key, string name, IReadOnlyCollection<Ticket> held, int dispatched, int returns)
        {
            var replied = held.Where(t => t.RepliedAtUtc is not null).ToList();
            var rated = held.Where(t => t.Satisfaction is not null).ToList();
            return new IndicatorRow(
                key, name, dispatched,
                Share(held.Count(t => t.AcceptedAtUtc is { } a && t.SignDueUtc is { } s && a <= s), held.Count),
                Share(replied.Count(t => t.RepliedAtUtc <= t.HandleDueUtc), replied.Count),
                Share(held.Count(t => t.State == TicketState.Closed), held.Count),
                Share(rated.Count(t => t.Satisfaction >= 4), rated.Count),
                replied.Count == 0 ? null : Math.Round(replied.Average(t => (t.RepliedAtUtc!.Value - t.DispatchedAtUtc!.Value).TotalHours), 1),
                Share(returns, dispatched));
        }

        static bool IsDispatch(TicketEvent e) => e.Action is "dispatched" or "dispatch" or "transfer";
        List<IndicatorRow> rows;
        if (by == "region")
        {
            var regionOf = tickets.ToDictionary(t => t.Id, t => t.RegionCode);
            var eventsByRegion = events.ToLookup(e => regionOf[e.TicketId]);
            rows = [.. tickets.GroupBy(t => t.RegionCode).OrderBy(g => g.Key).Select(g => Row(g.Key, reference.FindRegion(g.Key)?.FullName ?? g.Key, [.. g],
                eventsByRegion[g.Key].Count(IsDispatch), eventsByRegion[g.Key].Count(e => e.Action == "return")))];
        }
        else
        {
            var eventsByDepartment = events.ToLookup(e => e.DepartmentCode!);
            var ticketsByDepartment = tickets.Where(t => t.DepartmentCode is not null).ToLookup(t => t.DepartmentCode!);
            var codes = eventsByDepartment.Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
            var departments = await reference.FindDepartmentsAsync(codes, ct);
            rows = [.. codes.Select(code => Row(code, departments.GetValueOrDefault(code)?.Name ?? code, [.. ticketsByDepartment[code]],
                eventsByDepartment[code].Count(IsDispatch), eventsByDepartment[code].Count(e => e.Action == "return")))];
        }

        return sees ? rows : rows.Where(r => by != "region" && r.Key == staff.DepartmentCode).ToList();
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Cases.Features;

/// <summary>Electronic-supervision alerts (电子监察): warnings, overdue escalations, hall waits, late rectifications.</summary>
internal static class Alerts
{
    public sealed record AlertView(Guid Id, Guid SubjectId, string Kind, string? CaseNumber, string DepartmentCode, string RegionCode, string Text, DateTime RaisedAtUtc);

    public static void MapAlerts(this RouteGroupBuilder group) =>
        group.MapGet("/alerts", List).RequireAuthorization().WithSummary("Time-limit alerts in the caller's scope, newest first");

    private static async Task<Results<Ok<IReadOnlyList<AlertView>>, ProblemHttpResult>> List(string? kind, ClaimsPrincipal user, CaseAccess access, CasesDbContext db, CancellationToken ct)
    {
        if (access.StaffOf(user) is not { } staff)
        {
            return CaseErrors.StaffOnly.ToProblem();
        }

        var query = InScope(db.Alerts.AsNoTracking(), staff);
        if (Enum.TryParse<AlertKind>(kind, true, out var k))
        {
            query = query.Where(a => a.Kind == k);
        }

        var rows = await query.OrderByDescending(a => a.RaisedAtUtc).Take(200).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AlertView>>([.. rows.Select(a => new AlertView(a.Id, a.SubjectId, a.Kind.ToString(), a.CaseNumber, a.DepartmentCode, a.RegionCode, a.Text, a.RaisedAtUtc))]);
    }

    private static IQueryable<TimeAlert> InScope(IQueryable<TimeAlert> q, StaffView s) => s.DataScope switch
    {
        "All" => q,
        "Region" when WorkQueue.RegionPrefix(s.RegionCode) is { } p => q.Where(a => a.RegionCode.StartsWith(p)),
        _ => q.Where(a => a.DepartmentCode == s.DepartmentCode || (a.Kind == AlertKind.HallWait && a.RegionCode == s.RegionCode)),
    };
}

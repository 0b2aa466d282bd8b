using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Routing;

/// <summary>The routing table over HTTP: staff read it, the platform administrator sets a route (category × region → department).</summary>
internal static class Routes
{
    public sealed record RouteRequest(string? Category, string? RegionCode, string? DepartmentCode, int? Revision);

    public sealed record RouteView(Guid Id, string Category, string RegionCode, string DepartmentCode, string? DepartmentName, DateTime UpdatedAtUtc, int Revision);

    public static readonly Error StaleRevision = TicketErrors.StaleRevisionOf("route");

    public static void MapRoutes(this RouteGroupBuilder group)
    {
        group.MapGet("/routes", List).RequireAuthorization().WithSummary("The routing table: which department gets each category in each region");
        group.MapPut("/routes", Set).RequireAuthorization(Kernel.Http.Policies.PlatformAdmin)
            .WithSummary("Set the department for a category in a region (or everywhere, with no region)");
    }

    private static async Task<Results<Ok<List<RouteView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, IAccountOverviews accounts, HotlineDbContext db, IReferenceApi reference, CancellationToken ct)
    {
        if (accounts.StaffOf(user) is null)
        {
            return Dispatch.Classify.StaffOnly.ToProblem();
        }

        var rows = await db.Routes.AsNoTracking().OrderBy(r => r.Category).ThenBy(r => r.RegionCode).Take(5000).ToListAsync(ct);
        var departments = await reference.FindDepartmentsAsync([.. rows.Select(r => r.DepartmentCode).Distinct()], ct);
        return TypedResults.Ok(rows.Select(r => View(r, departments)).ToList());
    }

    private static async Task<Results<Ok<RouteView>, ProblemHttpResult>> Set(
        RouteRequest request, HotlineDbContext db, IReferenceApi reference, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.DepartmentCode) || await reference.FindDepartmentAsync(request.DepartmentCode.Trim(), ct) is not { } department
            || (!string.IsNullOrWhiteSpace(request.RegionCode) && reference.FindRegion(request.RegionCode.Trim()) is null))
        {
            return RoutingRule.Invalid.ToProblem();
        }

        var category = request.Category?.Trim() ?? "";
        var region = request.RegionCode?.Trim() ?? "";
        var rule = await db.Routes.FirstOrDefaultAsync(r => r.Category == category && r.RegionCode == region, ct);
        if (rule is null)
        {
            var created = RoutingRule.Create(Ids.New(clock), category, region, department.Code, clock.GetUtcNow());
            if (created.IsFailure)
            {
                return created.Error!.ToProblem();
            }

            rule = created.Value!;
            db.Routes.Add(rule);
        }
        else if (request.Revision is { } revision && revision != rule.Revision)
        {
            return StaleRevision.ToProblem();
        }
        else
        {
            rule.Reassign(department.Code, clock.GetUtcNow());
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, "hotline.route_set", $"{rule.Category}@{(rule.RegionCode.Length == 0 ? "*" : rule.RegionCode)}", department.Code, clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators created the same route at once, or one changed it under the other.
            return StaleRevision.ToProblem();
        }

        return TypedResults.Ok(View(rule, new Dictionary<string, DepartmentInfo> { [department.Code] = department }));
    }

    private static RouteView View(RoutingRule r, IReadOnlyDictionary<string, DepartmentInfo> departments) =>
        new(r.Id, r.Category, r.RegionCode, r.DepartmentCode, departments.GetValueOrDefault(r.DepartmentCode)?.Name, r.UpdatedAtUtc, r.Revision);
}

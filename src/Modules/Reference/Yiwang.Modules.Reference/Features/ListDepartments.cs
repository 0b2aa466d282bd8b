using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Paging;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Reference.Domain;
using Yiwang.Modules.Reference.Persistence;

namespace Yiwang.Modules.Reference.Features;

internal static class ListDepartments
{
    public sealed record DepartmentResponse(string Code, string Name, string? CreditCode, string RegionCode, string? RegionName, string? ParentCode, int Revision);

    public static void MapListDepartments(this RouteGroupBuilder group)
    {
        group.MapGet("/departments", Handle).WithSummary("List departments, optionally within a region (and its sub-regions) or by name");
        group.MapGet("/departments/{code}", Get).WithSummary("Get one department");
    }

    private static async Task<Results<Ok<PagedList<DepartmentResponse>>, ProblemHttpResult>> Handle(
        string? region, string? q, int? page, int? pageSize, ReferenceDbContext db, RegionDirectory regions, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize);
        if (paging.IsFailure)
        {
            return paging.Error!.ToProblem();
        }

        var query = db.Departments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (regions.Find(region) is not { } found)
            {
                return (RegionCode.Normalize(region) is null
                    ? DepartmentErrors.InvalidRegionCode
                    : DepartmentErrors.UnknownRegion).ToProblem();
            }

            var prefix = found.Level switch { RegionLevel.Province => found.Code[..2], RegionLevel.City => found.Code[..4], _ => found.Code };
            query = query.Where(d => d.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(d => d.Name.Contains(term) || d.Code == term || d.CreditCode == term);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(d => d.RegionCode).ThenBy(d => d.Code).Skip(paging.Value.Skip).Take(paging.Value.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<DepartmentResponse>([.. rows.Select(d => d.ToResponse(regions))], total, paging.Value.Page, paging.Value.PageSize));
    }

    private static async Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> Get(string code, ReferenceDbContext db, RegionDirectory regions, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        return department is null ? DepartmentErrors.NotFound.ToProblem() : TypedResults.Ok(department.ToResponse(regions));
    }

    internal static DepartmentResponse ToResponse(this Department d, RegionDirectory regions) =>
        new(d.Code, d.Name, d.CreditCode, d.RegionCode, regions.Find(d.RegionCode)?.FullName, d.ParentCode, d.Revision);
}

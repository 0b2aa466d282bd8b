using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Domain;
using Yiwang.Modules.Reference.Persistence;

namespace Yiwang.Modules.Reference.Features;

/// <summary>Creates or changes a department (admin).</summary>
internal static class SaveDepartment
{
    public sealed record Request(
        [property: MaxLength(32)] string? Code,
        [property: MaxLength(100)] string? Name,
        [property: MaxLength(18)] string? CreditCode,
        [property: MaxLength(12)] string? RegionCode,
        [property: MaxLength(32)] string? ParentCode,
        int? Revision);

    public static void MapSaveDepartment(this RouteGroupBuilder group)
    {
        group.MapPost("/departments", Create).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Register a department");
        group.MapPut("/departments/{code}", Update).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Change a department; send the revision you read");
    }

    private static async Task<Results<Created<ListDepartments.DepartmentResponse>, ProblemHttpResult>> Create(
        Request request, ReferenceDbContext db, RegionDirectory regions, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            return DepartmentErrors.InvalidCode.ToProblem();
        }

        var refs = await CheckReferencesAsync(request, db, regions, ct);
        if (refs.IsFailure)
        {
            return refs.Error!.ToProblem();
        }

        if (await db.Departments.AnyAsync(d => d.Code == request.Code.Trim(), ct))
        {
            return DepartmentErrors.DuplicateCode.ToProblem();
        }

        var created = Department.Create(Ids.New(clock), request.Code, request.Name!, request.CreditCode, refs.Value!, request.ParentCode, clock.GetUtcNow());
        if (created.IsFailure)
        {
            return created.Error!.ToProblem();
        }

        var department = created.Value!;
        if (department.CreditCode is { } credit && await db.Departments.AnyAsync(d => d.CreditCode == credit, ct))
        {
            return DepartmentErrors.DuplicateCreditCode.ToProblem();
        }

        db.Departments.Add(department);
        db.Audit.Add(AuditEntry.Record(actor.Current, "reference.department_created", department.Code, department.Name, clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/departments/{department.Code}", department.ToResponse(regions));
    }

    private static async Task<Results<Ok<ListDepartments.DepartmentResponse>, ProblemHttpResult>> Update(
        string code, Request request, ReferenceDbContext db, RegionDirectory regions, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Code == code, ct);
        if (department is null)
        {
            return DepartmentErrors.NotFound.ToProblem();
        }

        if (request.Revision is { } revision && revision != department.Revision)
        {
            return Error.Conflict("concurrency.conflict", "The department changed since you read it.").ToProblem();
        }

        var refs = await CheckReferencesAsync(request, db, regions, ct);
        if (refs.IsFailure)
        {
            return refs.Error!.ToProblem();
        }

        var changed = department.Update(request.Name!, request.CreditCode, refs.Value!, request.ParentCode, clock.GetUtcNow());
        if (changed.IsFailure)
        {
            return changed.Error!.ToProblem();
        }

        if (department.CreditCode is { } credit && await db.Departments.AnyAsync(d => d.CreditCode == credit && d.Id != department.Id, ct))
        {
            return DepartmentErrors.DuplicateCreditCode.ToProblem();
        }

        db.Audit.Add(AuditEntry.Record(actor.Current, "reference.department_changed", department.Code, department.Name, clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(department.ToResponse(regions));
    }

    private static async Task<Result<string>> CheckReferencesAsync(Request request, ReferenceDbContext db, RegionDirectory regions, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return DepartmentErrors.InvalidName;
        }

        if (regions.Find(request.RegionCode ?? "") is not { } region)
        {
            return Contracts.RegionCode.Normalize(request.RegionCode) is null
                ? DepartmentErrors.InvalidRegionCode
                : DepartmentErrors.UnknownRegion;
        }

        if (!string.IsNullOrWhiteSpace(request.ParentCode) && request.ParentCode != request.Code
            && !await db.Departments.AnyAsync(d => d.Code == request.ParentCode, ct))
        {
            return DepartmentErrors.UnknownParent;
        }

        return region.Code;
    }
}

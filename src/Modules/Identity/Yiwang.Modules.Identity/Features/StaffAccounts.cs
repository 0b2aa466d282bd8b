using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Identity.Features;

/// <summary>
/// Staff accounts (工作人员). A platform admin manages all; a department admin only their own department and never
/// grants platform-admin; other staff list what their data scope covers. Outside one's scope a staff member is 404.
/// </summary>
internal static class StaffAccounts
{
    public sealed record Request(string? LoginName, string? Name, string? Password, string? DepartmentCode, IReadOnlyList<string>? Roles, string? Scope);

    public sealed record StaffView(Guid Id, string LoginName, string Name, string? DepartmentCode, string? RegionCode, IReadOnlyList<string> Roles, string Scope);

    public static void MapStaffAccounts(this RouteGroupBuilder group)
    {
        group.MapPost("/staff", Create).RequireAuthorization().WithSummary("Create a staff account (platform admin; department admin for their department)");
        group.MapGet("/staff", List).RequireAuthorization().WithSummary("Staff within the caller's data scope");
        group.MapGet("/staff/{loginName}", Get).RequireAuthorization().WithSummary("One staff member, if within the caller's data scope (else 404)");
    }

    private static async Task<Results<Created<StaffView>, ProblemHttpResult>> Create(
        Request request, ClaimsPrincipal user, IdentityDbContext db, IReferenceApi reference, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var scope = StaffScope.Of(user);
        if (scope is not { IsDepartmentAdmin: true })
        {
            return new Error("identity.forbidden", "Only a platform or department admin creates staff.", ErrorKind.Forbidden).ToProblem();
        }

        var department = request.DepartmentCode is null ? null : await reference.FindDepartmentAsync(request.DepartmentCode, ct);
        if (department is null)
        {
            return Error.Unprocessable("identity.unknown_department", "No such department.").ToProblem();
        }

        var roles = (request.Roles ?? []).Distinct().ToList();
        if (!scope.IsPlatformAdmin && (department.Code != scope.DepartmentCode || roles.Contains(IdentityRoles.PlatformAdmin)))
        {
            return new Error("identity.outside_scope", "A department admin manages only their own department's staff, without platform-admin.", ErrorKind.Forbidden).ToProblem();
        }

        if (roles.Count == 0 || roles.Any(r => !IdentityRoles.All.Contains(r)))
        {
            return Error.Validation("identity.invalid_roles", "Give one or more of: " + string.Join(", ", IdentityRoles.All)).ToProblem();
        }

        var login = request.LoginName?.Trim().ToUpperInvariant();
        if (login is not { Length: >= 3 and <= 64 } || !login.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || login.Length == 18)
        {
            return Error.Validation("identity.invalid_login_name", "A staff login is 3–64 letters, digits, '-' or '_' (and not 18 characters, which are ID numbers).").ToProblem();
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 50)
        {
            return IdentityErrors.InvalidName.ToProblem();
        }

        if (Account.CheckPassword(request.Password) is { IsFailure: true } weak)
        {
            return weak.Error!.ToProblem();
        }

        var dataScope = Enum.TryParse<DataScope>(request.Scope, ignoreCase: true, out var s) ? s : DataScope.Department;
        if (dataScope == DataScope.All && !scope.IsPlatformAdmin)
        {
            dataScope = DataScope.Department;
        }

        if (await db.Accounts.AnyAsync(a => a.LoginName == login, ct))
        {
            return IdentityErrors.DuplicateAccount.ToProblem();
        }

        var account = Account.CreateStaff(Ids.New(clock), login, request.Name.Trim(), request.Password!, department.Code, department.RegionCode, roles, dataScope, clock.GetUtcNow());
        db.Accounts.Add(account);
        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.staff_created", account.Id.ToString(), $"{department.Code}: {string.Join(',', roles)}", clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/staff/{login}", View(account));
    }

    private static async Task<Results<Ok<List<StaffView>>, ProblemHttpResult>> List(ClaimsPrincipal user, IdentityDbContext db, CancellationToken ct)
    {
        if (StaffScope.Of(user) is not { } scope)
        {
            return new Error("identity.forbidden", "Only staff list staff.", ErrorKind.Forbidden).ToProblem();
        }

        var staff = await db.Accounts.AsNoTracking().Where(a => a.Kind == AccountKind.Staff).OrderBy(a => a.LoginName).ToListAsync(ct);
        return TypedResults.Ok(staff.Where(a => scope.Covers(a.DepartmentCode, a.RegionCode)).Select(View).ToList());
    }

    private static async Task<Results<Ok<StaffView>, ProblemHttpResult>> Get(string loginName, ClaimsPrincipal user, IdentityDbContext db, CancellationToken ct)
    {
        var login = loginName.ToUpperInvariant();
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.LoginName == login && a.Kind == AccountKind.Staff, ct);
        return account is not null && StaffScope.Of(user) is { } scope && scope.Covers(account.DepartmentCode, account.RegionCode)
            ? TypedResults.Ok(View(account))
            : Error.NotFound("identity.staff_not_found", "No such staff member within your scope.").ToProblem();
    }

    private static StaffView View(Account a) => new(a.Id, a.LoginName, a.Name, a.DepartmentCode, a.RegionCode, a.RoleList, a.Scope.ToString());
}

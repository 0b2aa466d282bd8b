using System.Security.Claims;
using OpenIddict.Abstractions;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Domain;

namespace Yiwang.Modules.Identity;

/// <summary>
/// What a staff member may see (数据范围): their department, their region and its sub-regions, or everything.
/// Read from the caller's claims; a platform admin sees everything, and the operator token too.
/// </summary>
internal sealed record StaffScope(DataScope Scope, string? DepartmentCode, string? RegionCode, bool IsPlatformAdmin, bool IsDepartmentAdmin)
{
    public static StaffScope? Of(ClaimsPrincipal user)
    {
        if (user.IsInRole(IdentityRoles.PlatformAdmin))
        {
            return new StaffScope(DataScope.All, user.GetClaim(Principals.DepartmentClaim), user.GetClaim(Principals.RegionClaim), true, true);
        }

        if (user.GetClaim(Principals.KindClaim) != nameof(AccountKind.Staff) || !Enum.TryParse<DataScope>(user.GetClaim(Principals.ScopeClaim), out var scope))
        {
            return null;
        }

        return new StaffScope(scope, user.GetClaim(Principals.DepartmentClaim), user.GetClaim(Principals.RegionClaim), false, user.IsInRole(IdentityRoles.DepartmentAdmin));
    }

    /// <summary>Whether a record of this department and region is inside the scope.</summary>
    public bool Covers(string? departmentCode, string? regionCode) => ToView([]).Covers(departmentCode, regionCode);

    /// <summary>The public view other modules check against.</summary>
    public StaffView ToView(IReadOnlyList<string> roles) => new(DepartmentCode, RegionCode, Scope.ToString(), roles, IsPlatformAdmin);
}

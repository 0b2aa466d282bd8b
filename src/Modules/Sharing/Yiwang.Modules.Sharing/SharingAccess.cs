using System.Security.Claims;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Sharing;

/// <summary>
/// Who may do what in the hub: data admins (数据管理员) act for their own department, as provider and as consumer; the
/// platform admin acts for any; department systems only call; a person reads the uses of their own data.
/// </summary>
internal sealed class SharingAccess(IAccountOverviews accounts)
{
    public StaffView? StaffOf(ClaimsPrincipal user) => accounts.StaffOf(user);

    public SystemClient? SystemOf(ClaimsPrincipal user) => accounts.SystemOf(user);

    public Guid? AccountOf(ClaimsPrincipal user) => accounts.AccountIdOf(user);

    /// <summary>A data admin (or the platform admin): the department they act for, or null when they are neither.</summary>
    public string? DataAdminDepartment(ClaimsPrincipal user) =>
        StaffOf(user) is { } staff && staff.HasRole(IdentityRoles.DataAdmin) ? staff.DepartmentCode ?? "" : null;

    public bool IsPlatformAdmin(ClaimsPrincipal user) => StaffOf(user)?.IsPlatformAdmin == true;

    /// <summary>Acts for the department: its data admin, or the platform admin.</summary>
    public bool ActsFor(ClaimsPrincipal user, string departmentCode) =>
        StaffOf(user) is { } staff && (staff.IsPlatformAdmin || (staff.HasRole(IdentityRoles.DataAdmin) && staff.DepartmentCode == departmentCode));

    /// <summary>"who" for decisions and the audit trail.</summary>
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}

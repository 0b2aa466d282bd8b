using System.Security.Claims;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Cases;

/// <summary>How the caller stands to one case: as its applicant (or their representative/agent), as in-scope staff, or not at all.</summary>
internal sealed record CaseViewer(Guid? AccountId, bool IsApplicant, StaffView? Staff)
{
    public bool CanSee => IsApplicant || Staff is not null;

    public bool IsStaffWith(params string[] roles) => Staff is { } s && roles.Any(s.HasRole);
}

/// <summary>Object-level checks for cases (办件): who may see and act on which case.</summary>
internal sealed class CaseAccess(IAccountOverviews accounts, IIdentityApi identity)
{
    public Guid? AccountOf(ClaimsPrincipal user) => accounts.AccountIdOf(user);

    public StaffView? StaffOf(ClaimsPrincipal user) => accounts.StaffOf(user);

    public async Task<CaseViewer> ViewerAsync(ClaimsPrincipal user, ServiceCase c, string actorId, CancellationToken ct)
    {
        var account = accounts.AccountIdOf(user);
        var staff = accounts.StaffOf(user);
        var inScope = staff is not null && staff.Covers(c.DepartmentCode, c.RegionCode) ? staff : null;
        var applicant = account is { } id && (id == c.ApplicantAccountId
            || (c.LegalPersonCreditCode is { } credit && await identity.CanActForAsync(id, credit, c.ItemCode, ct)));
        // The window clerk who took a walk-in application in files its materials and submits it for the applicant.
        applicant |= c.Channel == Cases.Contracts.CaseChannel.Window && c.CreatedBy == actorId && staff is not null;
        return new CaseViewer(account, applicant, inScope ?? (applicant && c.Channel == Cases.Contracts.CaseChannel.Window ? staff : null));
    }

    /// <summary>The staff role that acts on a guide step, from the guide's free-text role (办理人员).</summary>
    public static string RoleOfStep(string? guideRole) => guideRole switch
    {
        null => IdentityRoles.Approver,
        var r when r.Contains("窗口", StringComparison.Ordinal) || r.Contains("受理", StringComparison.Ordinal) => IdentityRoles.WindowClerk,
        var r when r.Contains("负责人", StringComparison.Ordinal) || r.Contains("管理员", StringComparison.Ordinal) => IdentityRoles.DepartmentAdmin,
        _ => IdentityRoles.Approver,
    };
}

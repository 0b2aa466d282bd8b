namespace Yiwang.Modules.Identity.Contracts;

/// <summary>How sure the platform is of a person's identity (可信等级).</summary>
public enum TrustLevel
{
    /// <summary>自注册: self-registered, nothing verified.</summary>
    SelfRegistered,
    /// <summary>手机验证: phone verified by a one-time code.</summary>
    PhoneVerified,
    /// <summary>实名认证: identity verified against the population registry.</summary>
    RealNameVerified,
    /// <summary>线下核验: verified in person at a window.</summary>
    InPersonVerified,
}

/// <summary>Staff roles (工作人员角色) and the claim types the platform issues.</summary>
public static class IdentityRoles
{
    /// <summary>窗口受理.</summary>
    public const string WindowClerk = "window-clerk";
    /// <summary>审批.</summary>
    public const string Approver = "approver";
    /// <summary>部门管理员.</summary>
    public const string DepartmentAdmin = "department-admin";
    /// <summary>数据管理员.</summary>
    public const string DataAdmin = "data-admin";
    /// <summary>热线坐席.</summary>
    public const string HotlineAgent = "hotline-agent";
    /// <summary>效能监督.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>平台管理员.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>All staff roles.</summary>
    public static IReadOnlyList<string> All { get; } = [WindowClerk, Approver, DepartmentAdmin, DataAdmin, HotlineAgent, Supervisor, PlatformAdmin];
}

/// <summary>Whether an account may act for a legal person (经办人授权), for other modules' object-level checks.</summary>
public interface IIdentityApi
{
    /// <summary>True when the account is the legal representative, or holds an unrevoked, unexpired grant covering the item (or all items).</summary>
    Task<bool> CanActForAsync(Guid accountId, string creditCode, string? itemCode, CancellationToken ct);

    /// <summary>A person's own unmasked identity data, for pre-filling their forms (表单一键填); null when not a citizen account.</summary>
    Task<PersonProfile?> ProfileAsync(Guid accountId, CancellationToken ct);

    /// <summary>A registered department system (client credentials) by its client id, or null.</summary>
    Task<SystemClient?> FindSystemAsync(string clientId, CancellationToken ct);

    /// <summary>The staff accounts of a department (at most 500, by name), for assigning work inside it.</summary>
    Task<IReadOnlyList<StaffMember>> StaffOfDepartmentAsync(string departmentCode, CancellationToken ct);
}

/// <summary>A staff member as other modules may show them: account, sign-in name, name and roles.</summary>
public sealed record StaffMember(Guid AccountId, string LoginName, string Name, IReadOnlyList<string> Roles);

/// <summary>A department system (部门业务系统): a machine client registered to one department.</summary>
public sealed record SystemClient(string ClientId, string Name, string DepartmentCode);

/// <summary>A natural person's identity data as the platform knows it, and the legal persons they may act for now.</summary>
public sealed record PersonProfile(Guid AccountId, string Name, string? IdNumber, string? Phone, TrustLevel TrustLevel, IReadOnlyList<LegalPersonSummary> ActsFor);

/// <summary>
/// A staff member's roles and data scope (数据范围) as read from their claims, for other modules' object-level checks.
/// </summary>
/// <param name="DepartmentCode">Their department.</param>
/// <param name="RegionCode">Their region.</param>
/// <param name="DataScope"><c>Department</c>, <c>Region</c> (their region and its sub-regions) or <c>All</c>.</param>
/// <param name="Roles">Their roles (<see cref="IdentityRoles"/>).</param>
/// <param name="IsPlatformAdmin">Platform admins see and may do everything.</param>
public sealed record StaffView(string? DepartmentCode, string? RegionCode, string DataScope, IReadOnlyList<string> Roles, bool IsPlatformAdmin)
{
    /// <summary>Whether they hold the role (a platform admin holds every role).</summary>
    public bool HasRole(string role) => IsPlatformAdmin || Roles.Contains(role);

    /// <summary>Whether a record of this department and region is inside their scope.</summary>
    public bool Covers(string? departmentCode, string? regionCode) => DataScope switch
    {
        "All" => true,
        "Region" => RegionCode is not null && regionCode is not null && Yiwang.Kernel.RegionCodes.IsWithin(regionCode, RegionCode),
        _ => DepartmentCode is not null && departmentCode == DepartmentCode,
    };
}

/// <summary>A legal person as its representative or agent sees it.</summary>
public sealed record LegalPersonSummary(string CreditCode, string Name, bool IsRepresentative);

/// <summary>An agent grant (经办人授权) as listed on "my account".</summary>
public sealed record GrantSummary(Guid Id, string CreditCode, string LegalPersonName, string AgentName, string AgentIdNumberMasked, IReadOnlyList<string> Items, DateTime ValidUntilUtc, DateTime? RevokedAtUtc, bool Active);

/// <summary>"My account": who a person is and their authorisations given and received. Personal data is masked.</summary>
public sealed record AccountOverview(
    Guid Id, string Name, string Kind, string? IdNumberMasked, string? PhoneMasked, string TrustLevel,
    string? DepartmentCode, string? RegionCode, IReadOnlyList<string> Roles,
    IReadOnlyList<LegalPersonSummary> Represents, IReadOnlyList<GrantSummary> GrantsGiven, IReadOnlyList<GrantSummary> GrantsReceived);

/// <summary>Account queries for the web UI and other modules.</summary>
public interface IAccountOverviews
{
    /// <summary>The overview of an account, or null when it does not exist.</summary>
    Task<AccountOverview?> GetAsync(Guid accountId, CancellationToken ct);

    /// <summary>The account id of a signed-in person (from the session or an access token), or null.</summary>
    Guid? AccountIdOf(System.Security.Claims.ClaimsPrincipal user);

    /// <summary>The caller's staff roles and data scope, or null when the caller is not staff (nor a platform admin).</summary>
    StaffView? StaffOf(System.Security.Claims.ClaimsPrincipal user);

    /// <summary>The department system behind an access token (client credentials), or null for people and anonymous callers.</summary>
    SystemClient? SystemOf(System.Security.Claims.ClaimsPrincipal user);
}

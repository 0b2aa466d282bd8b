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
}

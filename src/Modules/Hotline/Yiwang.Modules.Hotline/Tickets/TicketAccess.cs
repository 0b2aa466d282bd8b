using System.Security.Claims;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>Who may see and act on a ticket: its caller, hotline agents of its region, and the department that holds it.</summary>
internal sealed class TicketAccess(IAccountOverviews accounts)
{
    public Guid? AccountOf(ClaimsPrincipal user) => accounts.AccountIdOf(user);

    public StaffView? StaffOf(ClaimsPrincipal user) => accounts.StaffOf(user);

    /// <summary>A hotline agent (or the platform administrator) whose scope covers the region.</summary>
    public bool IsAgentFor(ClaimsPrincipal user, string regionCode) =>
        StaffOf(user) is { } staff && (staff.IsPlatformAdmin || (staff.HasRole(IdentityRoles.HotlineAgent) && (staff.DataScope == "All" || staff.Covers(null, regionCode))));

    public bool IsAgent(ClaimsPrincipal user) => StaffOf(user) is { } staff && staff.HasRole(IdentityRoles.HotlineAgent);

    /// <summary>Staff of the department that holds the ticket now.</summary>
    public bool IsHolder(ClaimsPrincipal user, Ticket ticket) =>
        ticket.DepartmentCode is not null && StaffOf(user) is { } staff && staff.DepartmentCode == ticket.DepartmentCode;

    public bool IsCaller(ClaimsPrincipal user, Ticket ticket) => ticket.CallerAccountId is { } caller && caller == AccountOf(user);

    /// <summary>Staff of a department handling it jointly (联办).</summary>
    public bool IsCoHandler(ClaimsPrincipal user, Ticket ticket) =>
        ticket.CoHandlers.Count > 0 && StaffOf(user) is { DepartmentCode: { } department } && ticket.CoHandlers.Contains(department);

    public bool CanSee(ClaimsPrincipal user, Ticket ticket) => IsCaller(user, ticket) || IsAgentFor(user, ticket.RegionCode) || IsHolder(user, ticket) || IsCoHandler(user, ticket);
}

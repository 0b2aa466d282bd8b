using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// Ticket lists and one ticket: a caller sees their own; a department its inbox (the tickets it holds); an agent the
/// tickets of their region. Lists mask the caller's contact data; one ticket shows it whole to its agent, handler and caller.
/// </summary>
internal static class TicketQueries
{
    public static void MapTicketQueries(this RouteGroupBuilder group)
    {
        group.MapGet("/tickets", List).RequireAuthorization()
            .WithSummary("Tickets: the caller's own, the department's inbox, or (agents) the region's; ?state= filters, ?mine=true keeps those assigned to me (承办人); newest first, at most 200");
        group.MapGet("/tickets/{id:guid}", Get).RequireAuthorization().WithSummary("A ticket with its history");
        group.MapGet("/tickets/{id:guid}/handlers", Handlers).RequireAuthorization()
            .WithSummary("Staff of the department holding the ticket, for its members to assign it (承办人)");
    }

    private static async Task<Ok<IReadOnlyList<TicketView>>> List(TicketState? state, bool? mine, ClaimsPrincipal user, TicketReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(user, state, ct, assignedToMe: mine == true));

    private static async Task<Results<Ok<IReadOnlyList<HandlerOption>>, ProblemHttpResult>> Handlers(
        Guid id, ClaimsPrincipal user, TicketReader reader, CancellationToken ct)
    {
        var handlers = await reader.HandlersAsync(user, id, ct);
        return handlers.IsFailure ? handlers.Error!.ToProblem() : TypedResults.Ok(handlers.Value!);
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, TicketReader reader, CancellationToken ct) =>
        await reader.GetAsync(user, id, ct) is { } ticket ? TypedResults.Ok(ticket) : TicketErrors.NotFound.ToProblem();
}

/// <summary>The read side, shared by the API and the pages.</summary>
internal sealed class TicketReader(TicketAccess access, HotlineDbContext db, Categories.CategoryTree categories, IIdentityApi identity, TimeProvider clock)
{
    /// <summary>The staff of the department holding the ticket, for its members to assign it; 404 to those who may not see it, 403 to others.</summary>
    public async Task<Result<IReadOnlyList<HandlerOption>>> HandlersAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !access.CanSee(user, ticket))
        {
            return TicketErrors.NotFound;
        }

        if (!access.IsHolder(user, ticket))
        {
            return TicketErrors.NotHolder;
        }

        return (await identity.StaffOfDepartmentAsync(ticket.DepartmentCode!, ct)).Select(s => new HandlerOption(s.AccountId, s.Name)).ToList();
    }

    public async Task<IReadOnlyList<TicketView>> ListAsync(ClaimsPrincipal user, TicketState? state, CancellationToken ct, bool assignedToMe = false)
    {
        var query = Visible(user);
        if (assignedToMe)
        {
            var me = access.AccountOf(user);
            query = query.Where(t => me != null && t.HandlerAccountId == me);
        }

        if (state is { } s)
        {
            query = query.Where(t => t.State == s);
        }

        var now = clock.GetUtcNow();
        var rows = await query.OrderByDescending(t => t.CreatedAtUtc).Take(200).ToListAsync(ct);
        return [.. rows.Select(t => TicketViews.View(t, whole: false, now))];
    }

    /// <summary>The tickets the caller may list: their own; or, for staff, their department's and (agents) their region's; all for admins.</summary>
    public IQueryable<Ticket> Visible(ClaimsPrincipal user)
    {
        var query = db.Tickets.AsNoTracking();
        if (access.StaffOf(user) is { } staff)
        {
            if (!staff.IsPlatformAdmin && !(access.IsAgent(user) && staff.DataScope == "All"))
            {
                var department = staff.DepartmentCode;
                var agent = access.IsAgent(user);
                var region = staff.RegionCode ?? "-";
                // Agents: their region and below (six-digit codes share the prefix of the city or province they sit in).
                var prefix = Yiwang.Kernel.RegionCodes.PrefixOf(region)!;
                var jointly = db.CoHandlers.Where(c => c.DepartmentCode == department).Select(c => c.TicketId);
                query = query.Where(t => (agent && t.RegionCode.StartsWith(prefix)) || t.DepartmentCode == department || jointly.Contains(t.Id));
            }
        }
        else
        {
            var account = access.AccountOf(user);
            query = query.Where(t => account != null && t.CallerAccountId == account);
        }

        return query;
    }

    public async Task<TicketView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !access.CanSee(user, ticket))
        {
            return null;
        }

        return await TicketViews.WholeAsync(db, categories, ticket, clock.GetUtcNow(), ct);
    }
}

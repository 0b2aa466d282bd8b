using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Tickets;

namespace Yiwang.Modules.Hotline.HotSpots;

/// <summary>
/// Hot spots among the tickets a staff member may see (an agent: their region's; a department: the tickets it holds),
/// over the last N days. Tickets merged into another count as messages of the same problem; they have no votes.
/// </summary>
internal sealed class HotSpotReport(TicketReader reader, TicketAccess access, TimeProvider clock)
{
    public static readonly Error InvalidDays = Error.Validation("hotline.invalid_days", "Give days from 1 to 365.");
    public static readonly Error NotStaff = Error.Forbidden("hotline.not_staff", "Hot spots are for staff.");

    public async Task<Result<IReadOnlyList<HotSpotView>>> FindAsync(ClaimsPrincipal user, int? days, CancellationToken ct)
    {
        if (access.StaffOf(user) is null)
        {
            return NotStaff;
        }

        if (days is not null and not (>= 1 and <= 365))
        {
            return InvalidDays;
        }

        var window = TimeSpan.FromDays(days ?? 30);
        var since = clock.GetUtcNow().UtcDateTime - window * HotSpotFinder.MaxSpanWindows;
        var tickets = await reader.Visible(user).Where(t => t.CreatedAtUtc >= since).OrderByDescending(t => t.CreatedAtUtc).Take(5_000).ToListAsync(ct);
        var byId = tickets.ToDictionary(t => t.Id.ToString());
        var spots = HotSpotFinder.Find(tickets.Select(t => new HotSpotInput(t.Id.ToString(), t.Title, t.Text, t.CreatedAtUtc, 0)), window, 50);
        return spots.Select(s => new HotSpotView(s.Place, s.Title, Math.Round(s.Heat, 2), s.Count, s.FirstUtc, s.LastUtc,
            [.. s.Ids.Select(id => byId[id]).Select(t => new HotSpotTicket(t.Id, t.Number, t.Title, t.State))])).ToList();
    }

    public static void MapHotSpots(RouteGroupBuilder group) =>
        group.MapGet("/hotspots", Get).RequireAuthorization()
            .WithSummary("Hot spots (热点) among the tickets you may see: same problem, same place, within ?days= (30); heat = Σ (1 + log2(1 + votes)) × 0.5^(age days / 30)");

    private static async Task<Results<Ok<IReadOnlyList<HotSpotView>>, ProblemHttpResult>> Get(int? days, ClaimsPrincipal user, HotSpotReport report, CancellationToken ct)
    {
        var found = await report.FindAsync(user, days, ct);
        return found.IsFailure ? found.Error!.ToProblem() : TypedResults.Ok(found.Value!);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// Finds an open ticket a new one probably repeats (重复工单): within <c>Hotline:DuplicateWindowHours</c> (72) in the same
/// region, from the same caller (account or phone), or about the same place and topic (the subjects share at least
/// half of their character bigrams, and the address is the same or the category is). The agent decides: merge or not.
/// </summary>
internal sealed class DuplicateFinder(HotlineDbContext db, IOptions<HotlineOptions> options)
{
    public async Task<Ticket?> FindAsync(Ticket ticket, CancellationToken ct)
    {
        var since = ticket.CreatedAtUtc.AddHours(-Math.Max(1, options.Value.DuplicateWindowHours));
        var candidates = await db.Tickets.AsNoTracking()
            .Where(t => t.Id != ticket.Id && t.RegionCode == ticket.RegionCode && t.CreatedAtUtc >= since && t.MergedIntoId == null
                && t.State != TicketState.Closed && t.State != TicketState.Replied)
            .OrderByDescending(t => t.CreatedAtUtc).Take(500).ToListAsync(ct);
        return candidates.FirstOrDefault(t => SameCaller(t, ticket))
            ?? candidates.FirstOrDefault(t => Similarity(t.Title, ticket.Title) >= 0.5
                && ((t.Address.Length > 0 && t.Address == ticket.Address) || (t.Category is not null && t.Category == ticket.Category)));
    }

    private static bool SameCaller(Ticket a, Ticket b) =>
        (a.CallerAccountId is { } x && x == b.CallerAccountId) || (a.CallerPhone.Length > 0 && a.CallerPhone == b.CallerPhone);

    /// <summary>Dice coefficient of the character bigrams of two short texts (0–1).</summary>
    public static double Similarity(string a, string b)
    {
        static HashSet<string> Bigrams(string s) => [.. Enumerable.Range(0, Math.Max(0, s.Length - 1)).Select(i => s.Substring(i, 2))];
        var x = Bigrams(a);
        var y = Bigrams(b);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Intersect(y).Count() / (x.Count + y.Count);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Paging;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.HotSpots;
using Yiwang.Modules.Hotline.Persistence;

namespace Yiwang.Modules.Hotline.Answers;

/// <summary>
/// Suggested answers (知识库推荐) for a ticket, so that the agent can answer a consultation on the spot (直办): the service
/// guides of the catalogue that match its words (the catalogue's own Chinese search, in the ticket's region), and the
/// replies of past tickets of the same city that read most alike (character-bigram cosine ≥ 0.3, satisfied or not yet
/// rated, newest 2,000 considered).
/// </summary>
internal sealed class AnswerSuggestions(HotlineDbContext db, Tickets.TicketAccess access, ICatalogApi catalog)
{
    public const double MinimumSimilarity = 0.3;

    public async Task<Result<IReadOnlyList<SuggestedAnswer>>> ForTicketAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !access.CanSee(user, ticket))
        {
            return TicketErrors.NotFound;
        }

        if (!access.IsAgentFor(user, ticket.RegionCode) && !access.IsHolder(user, ticket))
        {
            return TicketErrors.NotAgent;
        }

        var suggestions = new List<SuggestedAnswer>();
        var guides = catalog.Search(new CatalogSearch(ticket.Title, ticket.RegionCode, null, null, null, [], null, new PageRequest(1, 3)));
        suggestions.AddRange(guides.Items.Select(hit => new SuggestedAnswer("guide", hit.Name,
            $"您咨询的事项可办理「{hit.Name}」（{hit.DepartmentName ?? "主管部门"}）。办事指南（申请条件、所需材料、办理流程与时限）请见：/items/{hit.Code}", $"/items/{hit.Code}", null)));

        var city = ticket.RegionCode[..4];
        var past = await db.Tickets.AsNoTracking()
            .Where(t => t.Id != ticket.Id && t.Reply != null && t.RegionCode.StartsWith(city) && (t.Satisfaction == null || t.Satisfaction >= 3))
            .OrderByDescending(t => t.RepliedAtUtc).Take(2_000).Select(t => new { t.Number, t.Title, t.Text, t.Reply }).ToListAsync(ct);
        var vector = BigramVectors.Of(ticket.Title, ticket.Text);
        suggestions.AddRange(past.Select(p => (p, Score: BigramVectors.Cosine(vector, BigramVectors.Of(p.Title, p.Text))))
            .Where(x => x.Score >= MinimumSimilarity).OrderByDescending(x => x.Score).Take(3)
            .Select(x => new SuggestedAnswer("reply", x.p.Title, x.p.Reply!, null, Math.Round(x.Score, 2))));
        return suggestions;
    }

    public static void MapAnswers(RouteGroupBuilder group) =>
        group.MapGet("/tickets/{id:guid}/answers", Get).RequireAuthorization()
            .WithSummary("Suggested answers for a ticket (知识库推荐): matching service guides and similar past replies (agents of its region, the holding department)");

    private static async Task<Results<Ok<IReadOnlyList<SuggestedAnswer>>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AnswerSuggestions answers, CancellationToken ct)
    {
        var found = await answers.ForTicketAsync(user, id, ct);
        return found.IsFailure ? found.Error!.ToProblem() : TypedResults.Ok(found.Value!);
    }
}

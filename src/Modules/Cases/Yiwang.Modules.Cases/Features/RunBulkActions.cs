using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;

namespace Yiwang.Modules.Cases.Features;

/// <summary>POST /applications/actions: up to 200 actions on cases in one transaction (批量办理), each checked on its own.</summary>
internal static class RunBulkActions
{
    public const int MaxItems = 200;

    public sealed record Item(
        Guid Id, string? Action, int? Revision = null, string? Opinion = null, IReadOnlyList<string>? Items = null, CaseDecision? Decision = null,
        string? LegalBasis = null, DeliveryMethod? Delivery = null, string? Kind = null, int? Days = null);

    public sealed record Request(IReadOnlyList<Item>? Items);

    public static void MapRunBulkActions(this RouteGroupBuilder group) =>
        group.MapPost("/actions", Handle).RequireAuthorization()
            .WithSummary("Up to 200 actions in one transaction; each is checked as on its own and reported done or refused with its code");

    private static async Task<Results<Ok<IReadOnlyList<BulkOutcome>>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal user, CaseActions actions, CancellationToken ct)
    {
        if (request.Items is not { Count: > 0 and <= MaxItems } items || items.Any(i => string.IsNullOrEmpty(i.Action)))
        {
            return Error.Validation("cases.invalid_batch", $"Send 1 to {MaxItems} items, each with an id and an action.").ToProblem();
        }

        var result = await actions.BulkAsync(user, [.. items.Select(i => new BulkItem(i.Id, i.Action!,
            new ActionRequest(i.Revision, i.Opinion, i.Items, i.Decision, i.LegalBasis, i.Delivery, i.Kind, i.Days)))], ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value!);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;

namespace Yiwang.Modules.Cases.Features;

/// <summary>
/// POST /applications/{id}/actions/{action}: submit, pre-review, accept, reject, request-supplement, supplement,
/// pass-step, decide, start-special, end-special, request-extension, approve-extension, complete, withdraw.
/// </summary>
internal static class RunAction
{
    public static void MapRunAction(this RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/actions/{action}", Handle).RequireAuthorization()
            .WithSummary("Act on an application; send the revision you read (a stale one gets 409)");

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> Handle(
        Guid id, string action, HttpRequest http, ClaimsPrincipal user, CaseActions actions, CancellationToken ct)
    {
        // The body is optional (withdraw and accept need none); an unreadable one is a 400, not a 415.
        var body = await RequestBody.ReadJsonOrDefaultAsync<ActionRequest>(http, ct);
        if (body.IsFailure)
        {
            return body.Error!.ToProblem();
        }

        var result = await actions.RunAsync(user, id, action, body.Value ?? new ActionRequest(), ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value!);
    }
}

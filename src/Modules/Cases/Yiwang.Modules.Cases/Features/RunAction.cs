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

    /// <summary>The short answer for clients that send <c>Prefer: return=minimal</c> (RFC 7240).</summary>
    public sealed record Acted(Guid Id, string? Number, CaseState State, TimeLight Light, int Revision);

    private static async Task<Results<Ok<CaseDetail>, Ok<Acted>, ProblemHttpResult>> Handle(
        Guid id, string action, HttpRequest http, ClaimsPrincipal user, CaseActions actions, TimeProvider clock, CancellationToken ct)
    {
        // The body is optional (withdraw and accept need none); an unreadable one is a 400, not a 415.
        var body = await RequestBody.ReadJsonOrDefaultAsync<ActionRequest>(http, ct);
        if (body.IsFailure)
        {
            return body.Error!.ToProblem();
        }

        if (http.Headers["Prefer"].ToString().Contains("return=minimal", StringComparison.OrdinalIgnoreCase))
        {
            var acted = await actions.ActAsync(user, id, action, body.Value ?? new ActionRequest(), ct);
            if (acted.IsFailure)
            {
                return acted.Error!.ToProblem();
            }

            var c = acted.Value!.Case;
            return TypedResults.Ok(new Acted(c.Id, c.Number, c.State, c.LightAt(clock.GetUtcNow()), c.Revision));
        }

        var result = await actions.RunAsync(user, id, action, body.Value ?? new ActionRequest(), ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value!);
    }
}

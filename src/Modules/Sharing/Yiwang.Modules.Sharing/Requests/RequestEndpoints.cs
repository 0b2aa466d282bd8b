using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing.Requests;

/// <summary>Supply–demand matching in the API: request, list, decide, revoke.</summary>
internal static class RequestEndpoints
{
    public static void MapRequestEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/resources/{code}/requests", Request).RequireAuthorization()
            .WithSummary("Ask for items of a resource for one of your department's systems (data admins); unconditional resources are granted at once");
        group.MapGet("/requests", List).RequireAuthorization().WithSummary("Requests your department made or must decide, newest first (data admins)");
        group.MapPost("/requests/{id:guid}/decision", Decide).RequireAuthorization()
            .WithSummary("Grant (choosing sensitive items to show unmasked) or refuse with a reason (the provider's data admins)");
        group.MapPost("/requests/{id:guid}/revoke", Revoke).RequireAuthorization().WithSummary("Revoke a grant (the provider's data admins)");
    }

    private static async Task<Results<Created<AccessRequestView>, ProblemHttpResult>> Request(
        string code, AccessRequestInput input, ClaimsPrincipal user, AccessRequests requests, CancellationToken ct)
    {
        var made = await requests.RequestAsync(user, code, input, ct);
        return made.IsFailure ? made.Error!.ToProblem() : TypedResults.Created($"/api/v1/sharing/requests/{made.Value!.Id}", made.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<AccessRequestView>>, ProblemHttpResult>> List(ClaimsPrincipal user, AccessRequests requests, SharingAccess access, CancellationToken ct) =>
        access.DataAdminDepartment(user) is null ? Domain.SharingErrors.NotDataAdmin.ToProblem() : TypedResults.Ok(await requests.ListAsync(user, ct));

    private static async Task<Results<Ok<AccessRequestView>, ProblemHttpResult>> Decide(Guid id, DecisionInput input, ClaimsPrincipal user, AccessRequests requests, CancellationToken ct)
    {
        var decided = await requests.DecideAsync(user, id, input, ct);
        return decided.IsFailure ? decided.Error!.ToProblem() : TypedResults.Ok(decided.Value!);
    }

    private static async Task<Results<Ok<AccessRequestView>, ProblemHttpResult>> Revoke(Guid id, ClaimsPrincipal user, AccessRequests requests, CancellationToken ct)
    {
        var revoked = await requests.RevokeAsync(user, id, ct);
        return revoked.IsFailure ? revoked.Error!.ToProblem() : TypedResults.Ok(revoked.Value!);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing.Objections;

/// <summary>Data objections in the API.</summary>
internal static class ObjectionEndpoints
{
    public static void MapObjectionEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/resources/{code}/objections", Raise).RequireAuthorization()
            .WithSummary("Object to one value of one record (a department holding a grant, or the person the record is about)");
        group.MapGet("/objections", List).RequireAuthorization().WithSummary("Objections your department received or raised, or (a person) your own");
        group.MapPost("/objections/{id:guid}/answer", Answer).RequireAuthorization().WithSummary("Correct the value or explain why it stands (the provider's data admins)");
    }

    private static async Task<Results<Created<ObjectionView>, ProblemHttpResult>> Raise(string code, ObjectionInput input, ClaimsPrincipal user, DataObjections objections, CancellationToken ct)
    {
        var raised = await objections.RaiseAsync(user, code, input, ct);
        return raised.IsFailure ? raised.Error!.ToProblem() : TypedResults.Created($"/api/v1/sharing/objections/{raised.Value!.Id}", raised.Value);
    }

    private static async Task<Ok<IReadOnlyList<ObjectionView>>> List(ClaimsPrincipal user, DataObjections objections, CancellationToken ct) =>
        TypedResults.Ok(await objections.ListAsync(user, ct));

    private static async Task<Results<Ok<ObjectionView>, ProblemHttpResult>> Answer(Guid id, ObjectionAnswerInput input, ClaimsPrincipal user, DataObjections objections, CancellationToken ct)
    {
        var answered = await objections.AnswerAsync(user, id, input, ct);
        return answered.IsFailure ? answered.Error!.ToProblem() : TypedResults.Ok(answered.Value!);
    }
}

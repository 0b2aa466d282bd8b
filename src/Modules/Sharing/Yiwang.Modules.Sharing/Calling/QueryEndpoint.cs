using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>The one query API of the hub (统一查询接口), for department systems with a grant.</summary>
internal static class QueryEndpoint
{
    public static void MapQueryEndpoint(this RouteGroupBuilder group) =>
        group.MapPost("/resources/{code}/query", Query).RequireAuthorization()
            .WithSummary("Look records up by key items (department systems with a grant); states purpose and, for personal data, the case; logged before it answers");

    private static async Task<Results<Ok<QueryAnswer>, ProblemHttpResult>> Query(string code, QueryInput input, ClaimsPrincipal user, ResourceQuery query, CancellationToken ct)
    {
        var answer = await query.QueryAsync(user, code, input, ct);
        return answer.IsFailure ? answer.Error!.ToProblem() : TypedResults.Ok(answer.Value!);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Modules.Catalog.Contracts;

namespace Yiwang.Modules.Catalog.Features;

internal static class GetCodeTables
{
    public sealed record Response(
        IReadOnlyDictionary<string, string> ItemTypes,
        IReadOnlyDictionary<string, string> ExerciseLevels,
        IReadOnlyDictionary<string, string> ServiceObjects,
        IReadOnlyDictionary<string, string> Channels,
        IReadOnlyDictionary<string, string> OnlineDepths,
        IReadOnlyDictionary<string, string> Flags);

    public static void MapGetCodeTables(this RouteGroupBuilder group) =>
        group.MapGet("/code-tables", Handle).WithSummary("The code tables the catalogue uses (GB/T 39046 Appendix A and flags)");

    private static Ok<Response> Handle() => TypedResults.Ok(new Response(
        CodeTables.ItemTypes, CodeTables.ExerciseLevels, CodeTables.ServiceObjects, CodeTables.Channels,
        CodeTables.OnlineDepths.ToDictionary(p => p.Key.ToString(), p => p.Value), ItemFlags.Labels));
}

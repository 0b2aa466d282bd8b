using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Reference.Features;

internal static class ImportCalendar
{
    public static void MapImportCalendar(this RouteGroupBuilder group) =>
        group.MapPost("/calendar/import", Handle)
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("Import one year of official holidays in the holiday-cn JSON format (replaces that year's listed days)");

    private static async Task<Results<Ok<CalendarImporter.Outcome>, ProblemHttpResult>> Handle(HttpRequest request, CalendarImporter importer, CancellationToken ct)
    {
        var body = await RequestBody.BufferAsync(request, 1024 * 1024, ct);
        if (body.IsFailure)
        {
            return body.Error!.ToProblem();
        }

        await using var stream = body.Value!;
        var outcome = await importer.ImportAsync(stream, ct);
        return outcome.IsFailure ? outcome.Error!.ToProblem() : TypedResults.Ok(outcome.Value!);
    }
}

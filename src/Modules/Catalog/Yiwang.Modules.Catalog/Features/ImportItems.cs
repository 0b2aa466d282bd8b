using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Importing;

namespace Yiwang.Modules.Catalog.Features;

/// <summary>Imports a catalogue file sent as the request body (admin): all or nothing unless partial=true.</summary>
internal static class ImportItems
{
    public static void MapImportItems(this RouteGroupBuilder group) =>
        group.MapPost("/import", Handle).RequireAuthorization(Policies.PlatformAdmin)
            // No Accepts metadata: routing would answer 415 before authorisation and so tell strangers the endpoint exists.
            .WithSummary("Import items from CSV (UTF-8) or Excel; format=csv|xlsx, partial=true keeps good rows, registerDepartments=true adds unknown implementing bodies");

    private static async Task<Results<Ok<ItemImporter.Report>, ProblemHttpResult>> Handle(
        HttpRequest request, string? format, bool? partial, bool? registerDepartments, ItemImporter importer, CancellationToken ct)
    {
        var chosen = Format(format, request.ContentType);
        if (chosen.IsFailure)
        {
            return chosen.Error!.ToProblem();
        }

        var body = await RequestBody.BufferAsync(request, 200L * 1024 * 1024, ct);
        if (body.IsFailure)
        {
            return body.Error!.ToProblem();
        }

        await using var stream = body.Value!;
        var report = await importer.ImportAsync(stream, chosen.Value, new ItemImporter.Options(partial ?? false, registerDepartments ?? false), ct);
        return report.IsFailure ? report.Error!.ToProblem() : TypedResults.Ok(report.Value!);
    }

    internal static Result<ImportFormat> Format(string? format, string? contentType)
    {
        var f = format?.Trim().ToLowerInvariant();
        if (f is null && contentType is { } ct)
        {
            f = ct.Contains("spreadsheet", StringComparison.OrdinalIgnoreCase) ? "xlsx" : ct.Contains("csv", StringComparison.OrdinalIgnoreCase) ? "csv" : null;
        }

        return f switch
        {
            "csv" => ImportFormat.Csv,
            "xlsx" or "excel" => ImportFormat.Xlsx,
            _ => Error.Validation("catalog.import_unknown_format", "Say format=csv or format=xlsx (or send Content-Type text/csv or the .xlsx type)."),
        };
    }
}

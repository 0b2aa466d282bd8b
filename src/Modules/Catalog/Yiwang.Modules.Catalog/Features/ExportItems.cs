using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Importing;

namespace Yiwang.Modules.Catalog.Features;

/// <summary>Downloads the published catalogue (public information) as CSV or Excel.</summary>
internal static class ExportItems
{
    public static void MapExportItems(this RouteGroupBuilder group) =>
        group.MapGet("/export", Handle).WithSummary("Export the published catalogue; format=csv|xlsx");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string? format, ItemExporter exporter, CancellationToken ct)
    {
        var chosen = ImportItems.Format(format ?? "csv", null);
        if (chosen.IsFailure)
        {
            return chosen.Error!.ToProblem();
        }

        using var buffer = new MemoryStream();
        await exporter.ExportAsync(buffer, chosen.Value, ct);
        return chosen.Value == ImportFormat.Csv
            ? TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "catalog.csv")
            : TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "catalog.xlsx");
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Persistence;

namespace Yiwang.Modules.Catalog.Importing;

/// <summary>Writes the published catalogue in the exchange format that <see cref="ItemImporter"/> reads back.</summary>
internal sealed class ItemExporter(CatalogDbContext db)
{
    public async Task<int> ExportAsync(Stream output, ImportFormat format, CancellationToken ct)
    {
        var rows = await LoadRowsAsync(ct);
        if (format == ImportFormat.Csv)
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var column in ItemColumns.All)
            {
                csv.WriteField(column.Header);
            }

            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                foreach (var column in ItemColumns.All)
                {
                    csv.WriteField(row[column.Header]);
                }

                await csv.NextRecordAsync();
            }
        }
        else
        {
            await output.SaveAsAsync(rows, cancellationToken: ct);
        }

        return rows.Count;
    }

    private async Task<List<Dictionary<string, object?>>> LoadRowsAsync(CancellationToken ct)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.PublishedVersion != null).OrderBy(i => i.Code).ToListAsync(ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.State == VersionState.Published).ToDictionaryAsync(v => v.ItemId, ct);
        return [.. items.Where(i => versions.ContainsKey(i.Id)).Select(i => ToRow(i, versions[i.Id].Guide))];
    }

    private static Dictionary<string, object?> ToRow(ServiceItem item, ItemGuide g)
    {
        static string? Join(IEnumerable<string> values) => values.Any() ? string.Join("；", values) : null;
        static string? Json<T>(IReadOnlyList<T> values) => values.Count == 0 ? null : JsonSerializer.Serialize(values, CatalogDbContext.GuideJson);
        var values = new Dictionary<string, object?>
        {
            ["code"] = item.Code,
            ["kind"] = item.Kind == ItemKind.Basic ? "基本目录" : "实施清单",
            ["basicCode"] = item.BasicCode,
            ["name"] = g.Name,
            ["typeCode"] = g.TypeCode,
            ["regionCode"] = item.RegionCode,
            ["departmentCode"] = item.DepartmentCode,
            ["departmentName"] = item.DepartmentName,
            ["mainItemName"] = g.MainItemName,
            ["aliases"] = Join(g.Aliases),
            ["exerciseLevels"] = Join(g.ExerciseLevels),
            ["legalBasis"] = g.LegalBasis,
            ["conditions"] = g.Conditions,
            ["serviceObjects"] = Join(g.ServiceObjects),
            ["handlingKind"] = g.HandlingKind == HandlingKind.Instant ? "即办件" : "承诺件",
            ["statutoryLimitDays"] = g.StatutoryLimitDays?.ToString(CultureInfo.InvariantCulture),
            ["promisedLimitDays"] = g.PromisedLimitDays?.ToString(CultureInfo.InvariantCulture),
            ["limitNote"] = g.LimitNote,
            ["charged"] = g.Charged ? "是" : "否",
            ["fees"] = Json(g.Fees),
            ["channels"] = Join(g.Channels),
            ["onlineDepth"] = CodeTables.OnlineDepths[g.OnlineDepth],
            ["place"] = g.Place,
            ["hours"] = g.Hours,
            ["consultPhone"] = g.ConsultPhone,
            ["complaintPhone"] = g.ComplaintPhone,
            ["visitsRequired"] = g.VisitsRequired?.ToString(CultureInfo.InvariantCulture),
            ["resultName"] = g.ResultName,
            ["flags"] = Join(g.Flags),
            ["materials"] = Json(g.Materials),
            ["processSteps"] = Json(g.ProcessSteps),
            ["faqs"] = Json(g.Faqs),
        };
        return ItemColumns.All.ToDictionary(c => c.Header, c => values[c.Field]);
    }
}

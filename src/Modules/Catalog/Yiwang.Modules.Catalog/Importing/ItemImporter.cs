using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Persistence;
using Yiwang.Modules.Catalog.Search;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Importing;

/// <summary>
/// Imports a catalogue file: every row is checked first; then either nothing is written (any bad row, the default)
/// or, with <see cref="Options.Partial"/>, the good rows are. Changed or new items are published as a new version;
/// identical rows are left alone, so re-importing a file is harmless.
/// </summary>
internal sealed class ItemImporter(CatalogDbContext db, IReferenceApi reference, CatalogSearchIndex index, TimeProvider clock, IActorAccessor actor)
{
    private const int WriteBatch = 1000;
    private const int MaxReportedErrors = 1000;

    public sealed record Options(bool Partial = false, bool RegisterDepartments = false);

    public sealed record Report(int Rows, int Created, int Updated, int Unchanged, int Rejected, bool Applied, int ErrorCount, IReadOnlyList<RowError> Errors);

    public async Task<Result<Report>> ImportAsync(Stream input, ImportFormat format, Options options, CancellationToken ct)
    {
        var file = ImportFile.Read(input, format);
        if (file.IsFailure)
        {
            return file.Error!;
        }

        var errors = new List<RowError>();
        var rows = await PlaceAsync(ParseAll(file.Value!, errors), options.RegisterDepartments, errors, ct);
        var total = file.Value!.Items.Count;
        var rejectedLines = errors.Select(e => e.Line).Distinct().Count();
        if (errors.Count > 0 && !options.Partial)
        {
            return Error.Unprocessable("catalog.import_rejected",
                $"{rejectedLines} of {total} rows have errors; nothing was imported. Fix them, or import with partial=true to take the good rows.",
                new { errorCount = errors.Count, rows = errors.Take(MaxReportedErrors) });
        }

        if (options.RegisterDepartments)
        {
            var registered = await reference.EnsureDepartmentsAsync(
                [.. rows.Where(r => r.Row.DepartmentCode is not null).Select(r => new DepartmentInfo(r.Row.DepartmentCode!, r.Row.DepartmentName ?? r.Row.DepartmentCode!, UnifiedSocialCreditCode.IsValid(r.Row.DepartmentCode) ? r.Row.DepartmentCode : null, r.Region!, null))], ct);
            if (registered.IsFailure)
            {
                return registered.Error!;
            }
        }

        var (created, updated, unchanged) = await WriteAsync(rows, ct);
        return new Report(total, created, updated, unchanged, rejectedLines, true, errors.Count, [.. errors.Take(MaxReportedErrors)]);
    }

    private static List<ParsedRow> ParseAll(ImportFile.Rows file, List<RowError> errors)
    {
        var rows = new List<ParsedRow>(file.Items.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in file.Items)
        {
            var row = RowParser.Parse(line, cells, errors);
            if (row is null)
            {
                continue;
            }

            if (seen.TryGetValue(row.Code, out var first))
            {
                errors.Add(new RowError(line, "code", $"事项编码 {row.Code} already appears on line {first}."));
                continue;
            }

            seen[row.Code] = line;
            rows.Add(row);
        }

        return rows;
    }

    private sealed record PlacedRow(ParsedRow Row, string? Region, string? DepartmentName);

    private async Task<List<PlacedRow>> PlaceAsync(List<ParsedRow> rows, bool register, List<RowError> errors, CancellationToken ct)
    {
        var departments = await reference.AllDepartmentsAsync(ct);
        var placed = new List<PlacedRow>(rows.Count);
        foreach (var row in rows)
        {
            string? region = null;
            if (row.RegionCode is not null)
            {
                region = reference.FindRegion(row.RegionCode)?.Code;
                if (region is null)
                {
                    errors.Add(new RowError(row.Line, "regionCode", $"No such region {row.RegionCode} (GB/T 2260, county level or above)."));
                    continue;
                }
            }

            string? departmentName = null;
            if (row.DepartmentCode is not null)
            {
                if (departments.TryGetValue(row.DepartmentCode, out var department))
                {
                    departmentName = department.Name;
                }
                else if (register && row.DepartmentName is not null && region is not null)
                {
                    departmentName = row.DepartmentName;
                }
                else
                {
                    errors.Add(new RowError(row.Line, "departmentCode", $"No such department {row.DepartmentCode}; register it first" + (register ? " or give 实施主体 and 行政区划." : ".")));
                    continue;
                }
            }

            placed.Add(new PlacedRow(row, region, departmentName));
        }

        return placed;
    }

    private async Task<(int Created, int Updated, int Unchanged)> WriteAsync(List<PlacedRow> rows, CancellationToken ct)
    {
        int created = 0, updated = 0, unchanged = 0;
        var changedCodes = new List<string>();
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in rows.Chunk(WriteBatch))
        {
            var codes = batch.Select(r => r.Row.Code).ToList();
            var items = await db.Items.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
            var ids = items.Values.Select(i => i.Id).ToList();
            var versions = await db.Versions.Where(v => ids.Contains(v.ItemId) && v.State != VersionState.Superseded).ToListAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var placed in batch)
            {
                var row = placed.Row;
                if (!items.TryGetValue(row.Code, out var item))
                {
                    item = ServiceItem.Create(Ids.New(clock), row.Code, row.Kind, row.BasicCode, placed.Region, row.DepartmentCode, placed.DepartmentName, now);
                    var first = item.SaveDraft(row.Guide, null, clock);
                    item.Publish(first, null, now);
                    db.Items.Add(item);
                    db.Versions.Add(first);
                    db.Audit.Add(AuditEntry.Record(actor.Current, "catalog.item_imported", item.Code, $"created v{first.Version}", clock));
                    created++;
                    changedCodes.Add(item.Code);
                    continue;
                }

                var published = versions.FirstOrDefault(v => v.ItemId == item.Id && v.State == VersionState.Published);
                var samePlace = item.RegionCode == placed.Region && item.DepartmentCode == row.DepartmentCode && item.BasicCode == row.BasicCode;
                if (published is not null && samePlace && SameGuide(published.Guide, row.Guide))
                {
                    unchanged++;
                    continue;
                }

                item.Relocate(row.BasicCode, placed.Region, row.DepartmentCode, placed.DepartmentName, now);
                var draft = versions.FirstOrDefault(v => v.ItemId == item.Id && v.State == VersionState.Draft);
                var next = item.SaveDraft(row.Guide, draft, clock);
                if (draft is null)
                {
                    db.Versions.Add(next);
                }
                else
                {
                    db.Entry(draft).State = EntityState.Modified;
                }

                item.Publish(next, published, now);
                db.Entry(item).State = EntityState.Modified;
                if (published is not null)
                {
                    db.Entry(published).State = EntityState.Modified;
                }

                db.Audit.Add(AuditEntry.Record(actor.Current, "catalog.item_imported", item.Code, $"published v{next.Version}", clock));
                updated++;
                changedCodes.Add(item.Code);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        await CatalogIndexSync.ReindexAsync(db, reference, index, changedCodes, ct);
        return (created, updated, unchanged);
    }

    private static bool SameGuide(ItemGuide a, ItemGuide b) =>
        JsonSerializer.Serialize(a, CatalogDbContext.GuideJson) == JsonSerializer.Serialize(b, CatalogDbContext.GuideJson);
}

using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Catalogue;

/// <summary>
/// Puts data behind a resource kept in the platform's store (挂接): a whole CSV or Excel file replaces the records at
/// once (all or nothing, with the bad rows listed), or one record is written through the API. Values are stored as
/// given: malformed ID numbers and the like are the quality report's business, not a reason to lose the rest.
/// </summary>
internal sealed class RecordLoading(SharingDbContext db, SharingAccess access, ResourceCatalogue catalogue, IActorAccessor actors, TimeProvider clock)
{
    public const int MaxRows = 100_000;
    public const long MaxBytes = 20 * 1024 * 1024;

    public sealed record RowProblem(int Row, string Problem);

    public async Task<Result<ResourceView>> UploadAsync(ClaimsPrincipal user, string code, string fileName, Stream content, CancellationToken ct)
    {
        var provided = await ProvidedAsync(user, code, ct);
        if (provided.IsFailure)
        {
            return provided.Error!;
        }

        var resource = provided.Value!;

        if (resource.Source != SourceKind.Store)
        {
            return SharingErrors.InvalidUpload;
        }

        List<Dictionary<string, string?>> rows;
        try
        {
            rows = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadExcel(content, resource) : ReadCsv(content, resource);
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException or FormatException or IOException or InvalidOperationException)
        {
            return SharingErrors.InvalidUpload;
        }

        if (rows.Count > MaxRows)
        {
            return SharingErrors.InvalidUpload;
        }

        var problems = new List<RowProblem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var primary = resource.PrimaryKey.Name;
        for (var i = 0; i < rows.Count && problems.Count < 20; i++)
        {
            if (Check(resource, rows[i]) is { } problem)
            {
                problems.Add(new RowProblem(i + 2, problem));
            }
            else if (!keys.Add(rows[i][primary]!))
            {
                problems.Add(new RowProblem(i + 2, $"{primary} repeats an earlier row"));
            }
        }

        if (problems.Count > 0)
        {
            return Error.Unprocessable(SharingErrors.InvalidUpload.Code, "Some rows are wrong; nothing was loaded.", problems);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.RecordKeys.Where(k => k.ResourceId == resource.Id).ExecuteDeleteAsync(ct);
        await db.Records.Where(r => r.ResourceId == resource.Id).ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in rows.Chunk(2000))
        {
            foreach (var values in chunk)
            {
                Add(resource, values, now);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(resource);
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        resource.Loaded(rows.Count, now);
        db.Audit.Add(AuditEntry.Record(actors.Current, "sharing.records_loaded", resource.Code, $"{rows.Count} rows from {Path.GetFileName(fileName)}", clock));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await catalogue.ViewAsync(resource, ct);
    }

    /// <summary>Writes one record (新增或更新) by its primary key.</summary>
    public async Task<Result<ResourceView>> UpsertAsync(ClaimsPrincipal user, string code, string key, IReadOnlyDictionary<string, string?>? values, CancellationToken ct)
    {
        var provided = await ProvidedAsync(user, code, ct);
        if (provided.IsFailure)
        {
            return provided.Error!;
        }

        var resource = provided.Value!;

        var row = new Dictionary<string, string?>(values ?? new Dictionary<string, string?>()) { [resource.PrimaryKey.Name] = key };
        if (resource.Source != SourceKind.Store || Check(resource, row) is not null)
        {
            return SharingErrors.InvalidRecord;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Records.FirstOrDefaultAsync(r => r.ResourceId == resource.Id && r.RecordKey == key, ct) is { } existing)
        {
            await db.RecordKeys.Where(k => k.RecordId == existing.Id).ExecuteDeleteAsync(ct);
            db.Records.Remove(existing);
            await db.SaveChangesAsync(ct);
        }

        Add(resource, row, now);
        resource.Loaded(await db.Records.CountAsync(r => r.ResourceId == resource.Id, ct) + 1, now);
        db.Audit.Add(AuditEntry.Record(actors.Current, "sharing.record_written", resource.Code, key, clock));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await catalogue.ViewAsync(resource, ct);
    }

    /// <summary>The resource, when the caller is a data admin of its provider (else the refusal, in that order).</summary>
    private async Task<Result<DataResource>> ProvidedAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is null)
        {
            return SharingErrors.NotDataAdmin;
        }

        var resource = await db.Resources.FirstOrDefaultAsync(r => r.Code == code.ToUpperInvariant(), ct);
        if (resource is null)
        {
            return SharingErrors.ResourceNotFound;
        }

        return access.ActsFor(user, resource.ProviderDepartmentCode) ? resource : SharingErrors.NotProvider;
    }

    private void Add(DataResource resource, Dictionary<string, string?> values, DateTimeOffset now)
    {
        var record = DataRecord.Create(Ids.New(clock), resource.Id, values[resource.PrimaryKey.Name]!, values, now);
        db.Records.Add(record);
        db.RecordKeys.AddRange(record.KeyEntries(resource));
    }

    private static string? Check(DataResource resource, Dictionary<string, string?> row)
    {
        if (row.GetValueOrDefault(resource.PrimaryKey.Name) is not { Length: > 0 and <= 64 })
        {
            return $"{resource.PrimaryKey.Name} is empty or longer than 64";
        }

        foreach (var (name, value) in row)
        {
            if (resource.Item(name) is not { } item)
            {
                return $"{name} is not an item of the resource";
            }

            if (value?.Length > item.Length)
            {
                return $"{name} is longer than {item.Length}";
            }
        }

        return null;
    }

    private static List<Dictionary<string, string?>> ReadCsv(Stream content, DataResource resource)
    {
        using var reader = new StreamReader(content, System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new InvalidDataException("No header.");
        }

        var columns = Columns(csv.HeaderRecord!, resource);
        var rows = new List<Dictionary<string, string?>>();
        while (csv.Read() && rows.Count <= MaxRows)
        {
            var row = new Dictionary<string, string?>();
            foreach (var (index, item) in columns)
            {
                row[item] = Clean(csv.GetField(index));
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<Dictionary<string, string?>> ReadExcel(Stream content, DataResource resource)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        var rows = new List<Dictionary<string, string?>>();
        List<(string Header, string Item)>? columns = null;
        foreach (IDictionary<string, object?> line in buffer.Query(useHeaderRow: true))
        {
            columns ??= [.. Columns([.. line.Keys], resource).Select(c => (line.Keys.ElementAt(c.Index), c.Item))];
            var row = new Dictionary<string, string?>();
            foreach (var (header, item) in columns)
            {
                row[item] = Clean(line[header] switch
                {
                    null => null,
                    DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString(),
                });
            }

            rows.Add(row);
            if (rows.Count > MaxRows)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Header cells matched to items by name or Chinese label; an unknown header fails the upload.</summary>
    private static List<(int Index, string Item)> Columns(IReadOnlyList<string> headers, DataResource resource)
    {
        var columns = new List<(int, string)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().TrimStart('\uFEFF');
            var item = resource.Items.FirstOrDefault(x => x.Name == header || x.Label == header)
                ?? throw new InvalidDataException($"Unknown column {header}.");
            columns.Add((i, item.Name));
        }

        return columns;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Catalog.Importing;

/// <summary>The file formats of the catalogue exchange.</summary>
internal enum ImportFormat
{
    /// <summary>UTF-8 CSV with a header row.</summary>
    Csv,
    /// <summary>Excel .xlsx with a header row on the first sheet.</summary>
    Xlsx,
}

/// <summary>Reads a whole exchange file into rows of field → text, checking encoding and columns first.</summary>
internal static class ImportFile
{
    public const int MaxRows = 500_000;

    public sealed record Rows(IReadOnlyList<(int Line, Dictionary<string, string?> Cells)> Items);

    public static Result<Rows> Read(Stream input, ImportFormat format)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        if (buffer.Length == 0)
        {
            return Error.Validation("catalog.import_empty", "The file is empty.");
        }

        buffer.Position = 0;
        return format == ImportFormat.Csv ? ReadCsv(buffer) : ReadXlsx(buffer);
    }

    private static Result<Rows> ReadCsv(MemoryStream buffer)
    {
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            return Error.Validation("catalog.import_not_utf8", "The CSV file is not UTF-8. Save it as \"CSV UTF-8\" and try again.");
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, BadDataFound = null, MissingFieldFound = null };
        using var reader = new StreamReader(buffer, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                return Error.Validation("catalog.import_empty", "The file has no header row.");
            }

            var fields = MapHeader(header);
            if (fields.IsFailure)
            {
                return fields.Error!;
            }

            var rows = new List<(int, Dictionary<string, string?>)>();
            while (csv.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    return Error.Validation("catalog.import_too_large", $"At most {MaxRows} rows per file.");
                }

                var cells = new Dictionary<string, string?>(fields.Value!.Length);
                for (var i = 0; i < fields.Value.Length; i++)
                {
                    cells[fields.Value[i]] = csv.TryGetField<string>(i, out var value) ? value : null;
                }

                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add((csv.Parser.RawRow, cells));
            }

            return new Rows(rows);
        }
        catch (CsvHelperException e)
        {
            return Error.Validation("catalog.import_malformed", $"The CSV cannot be read near line {e.Context?.Parser?.RawRow}: {e.GetType().Name}.");
        }
    }

    private static Result<Rows> ReadXlsx(MemoryStream buffer)
    {
        try
        {
            var rows = new List<(int, Dictionary<string, string?>)>();
            string[]? fields = null;
            var line = 1;
            foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: false))
            {
                var values = row.Values.Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();
                if (fields is null)
                {
                    var mapped = MapHeader([.. values.Select(v => v ?? "")]);
                    if (mapped.IsFailure)
                    {
                        return mapped.Error!;
                    }

                    fields = mapped.Value!;
                    continue;
                }

                line++;
                if (values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count >= MaxRows)
                {
                    return Error.Validation("catalog.import_too_large", $"At most {MaxRows} rows per file.");
                }

                var cells = new Dictionary<string, string?>(fields.Length);
                for (var i = 0; i < fields.Length && i < values.Length; i++)
                {
                    if (fields[i].Length > 0)
                    {
                        cells[fields[i]] = values[i];
                    }
                }

                rows.Add((line, cells));
            }

            return fields is null ? Error.Validation("catalog.import_empty", "The sheet has no header row.") : new Rows(rows);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            return Error.Validation("catalog.import_malformed", "The file is not a readable .xlsx workbook.");
        }
    }

    private static Result<string[]> MapHeader(string[] header)
    {
        // Trailing empty header cells are common in spreadsheets; they carry no column.
        var trimmed = header.Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToArray();
        var fields = trimmed.Select(h => string.IsNullOrWhiteSpace(h) ? "" : ItemColumns.FieldOf(h) ?? "?" + h.Trim()).ToArray();
        var unknown = fields.Where(f => f.StartsWith('?')).Select(f => f[1..]).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("catalog.import_unknown_column", $"Unknown column(s): {string.Join(", ", unknown)}.",
                new { unknownColumns = unknown, knownColumns = ItemColumns.All.Select(c => c.Header) });
        }

        var duplicated = fields.Where(f => f.Length > 0).GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
        {
            return Error.Validation("catalog.import_duplicate_column", $"Column(s) given twice: {string.Join(", ", duplicated)}.");
        }

        var missing = ItemColumns.All.Where(c => c.Required && !fields.Contains(c.Field)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            return Error.Validation("catalog.import_missing_column", $"Missing required column(s): {string.Join(", ", missing)}.",
                new { missingColumns = missing });
        }

        return fields;
    }
}

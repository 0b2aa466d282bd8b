using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Hotline.Dispatch;

/// <summary>
/// Reads labelled messages from a UTF-8 CSV with a header, by column name (defaults: 留言主题, 留言详情, 一级分类, the
/// columns of the deployments' exports). Rows with an empty label or no text are skipped and counted.
/// </summary>
internal static class MessageCsv
{
    public sealed record Columns(string Title = "留言主题", string Text = "留言详情", string Label = "一级分类");

    public sealed record Loaded(IReadOnlyList<LabelledMessage> Messages, int Skipped);

    public static readonly Error MissingColumns = Error.Validation("hotline.csv_missing_columns", "The CSV lacks a title, text or label column (see --title-column, --text-column, --label-column).");

    public static Result<Loaded> Read(TextReader reader, Columns columns)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
            || !header.Contains(columns.Title) || !header.Contains(columns.Text) || !header.Contains(columns.Label))
        {
            return MissingColumns;
        }

        var messages = new List<LabelledMessage>();
        var skipped = 0;
        while (csv.Read())
        {
            var title = csv.GetField(columns.Title)?.Trim() ?? "";
            var text = csv.GetField(columns.Text)?.Trim() ?? "";
            var label = csv.GetField(columns.Label)?.Trim() ?? "";
            if (label.Length == 0 || (title.Length == 0 && text.Length == 0))
            {
                skipped++;
                continue;
            }

            messages.Add(new LabelledMessage(title, text, label));
        }

        return new Loaded(messages, skipped);
    }

    public static Result<Loaded> Read(string path, Columns columns)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, columns);
    }
}

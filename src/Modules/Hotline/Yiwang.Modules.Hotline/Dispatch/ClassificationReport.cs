using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Yiwang.Modules.Hotline.Dispatch;

/// <summary>Per-category precision, recall and F1, accuracy and macro-F1 of predictions against the true labels.</summary>
internal sealed record ClassificationReport(int N, double Accuracy, double MacroF1, IReadOnlyList<ClassificationReport.ClassRow> Classes)
{
    public sealed record ClassRow(string Category, int Support, double Precision, double Recall, double F1);

    public static ClassificationReport Of(IReadOnlyList<(string Truth, string Predicted)> pairs)
    {
        var categories = pairs.Select(p => p.Truth).Concat(pairs.Select(p => p.Predicted)).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = categories.Select(c =>
        {
            var tp = pairs.Count(p => p.Truth == c && p.Predicted == c);
            var predicted = pairs.Count(p => p.Predicted == c);
            var actual = pairs.Count(p => p.Truth == c);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = actual == 0 ? 0 : (double)tp / actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassRow(c, actual, precision, recall, f1);
        }).ToList();

        // Macro-F1 over the categories that occur in the truth: a category only ever predicted does not dilute it.
        var truthRows = rows.Where(r => r.Support > 0).ToList();
        return new ClassificationReport(
            pairs.Count,
            pairs.Count == 0 ? 0 : (double)pairs.Count(p => p.Truth == p.Predicted) / pairs.Count,
            truthRows.Count == 0 ? 0 : truthRows.Average(r => r.F1),
            rows);
    }

    /// <summary>The table, then as its last line one JSON object {"n","accuracy","macroF1"}.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"category",-16}\t{"support",7}\t{"precision",9}\t{"recall",7}\t{"F1",6}");
        foreach (var r in Classes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Category,-16}\t{r.Support,7}\t{r.Precision,9:F4}\t{r.Recall,7:F4}\t{r.F1,6:F4}");
        }

        text.Append(JsonSerializer.Serialize(new { n = N, accuracy = Math.Round(Accuracy, 4), macroF1 = Math.Round(MacroF1, 4) }));
        return text.ToString();
    }
}

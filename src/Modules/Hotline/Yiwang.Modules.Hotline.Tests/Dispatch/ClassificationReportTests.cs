using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.Modules.Hotline.Dispatch;

namespace Yiwang.Modules.Hotline.Tests.Dispatch;

public sealed class ClassificationReportTests
{
    [Fact]
    public void Precision_recall_and_F1_are_counted_per_category_and_macro_F1_averages_the_true_categories()
    {
        // A: 2 right, 1 taken for B; B: 1 right; C: never occurs but is once predicted for B.
        var report = ClassificationReport.Of([("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), ("B", "C")]);

        var a = report.Classes.Single(c => c.Category == "A");
        var b = report.Classes.Single(c => c.Category == "B");
        a.Precision.ShouldBe(1.0);
        a.Recall.ShouldBe(2.0 / 3, 1e-9);
        b.Precision.ShouldBe(0.5);
        b.Recall.ShouldBe(0.5);
        report.Accuracy.ShouldBe(0.6, 1e-9);
        report.MacroF1.ShouldBe((0.8 + 0.5) / 2, 1e-9);
    }

    [Fact]
    public void The_rendered_report_ends_with_one_JSON_line_of_n_accuracy_and_macro_F1()
    {
        var last = ClassificationReport.Of([("A", "A"), ("B", "A")]).Render().Split('\n')[^1];

        var json = JsonDocument.Parse(last).RootElement;
        json.GetProperty("n").GetInt32().ShouldBe(2);
        json.GetProperty("accuracy").GetDouble().ShouldBe(0.5);
        json.TryGetProperty("macroF1", out _).ShouldBeTrue();
    }
}

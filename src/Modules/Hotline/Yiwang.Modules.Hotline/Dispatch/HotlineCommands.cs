using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Yiwang.Modules.Hotline.Dispatch;

/// <summary><c>yiwang hotline train | evaluate | cross-validate</c>: the dispatch model from a deployment's own labelled history.</summary>
internal static class HotlineCommands
{
    public const string Options = "--input FILE.csv [--title-column 留言主题] [--text-column 留言详情] [--label-column 一级分类]";

    public static Task<int> TrainAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (Parse(args) is not { } o || o.Model is null)
        {
            return Usage("yiwang hotline train " + Options + " --model DIR");
        }

        if (Load(o) is not { } messages)
        {
            return Task.FromResult(1);
        }

        if (messages.Select(m => m.Label).Distinct().Count() < 2)
        {
            Console.Error.WriteLine("hotline.too_few_categories: training needs messages of at least two categories");
            return Task.FromResult(1);
        }

        var clock = Stopwatch.StartNew();
        var model = DispatchModel.Train(messages, services.GetRequiredService<TimeProvider>());
        model.Save(o.Model);
        Console.WriteLine($"trained on {messages.Count:N0} messages, {model.Info.Categories.Count} categories, in {clock.Elapsed.TotalSeconds:F1} s; saved to {o.Model}");
        return Task.FromResult(0);
    }

    public static Task<int> EvaluateAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (Parse(args) is not { } o || o.Model is null)
        {
            return Usage("yiwang hotline evaluate " + Options + " --model DIR");
        }

        if (DispatchModel.Load(o.Model) is not { } model)
        {
            Console.Error.WriteLine($"hotline.no_model: no trained model in {o.Model}");
            return Task.FromResult(1);
        }

        if (Load(o) is not { } messages)
        {
            return Task.FromResult(1);
        }

        var pairs = messages.Select(m => (m.Label, model.Score(m.Title, m.Text)[0].Category)).ToList();
        Console.WriteLine(ClassificationReport.Of(pairs).Render());
        return Task.FromResult(0);
    }

    public static Task<int> CrossValidateAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (Parse(args) is not { } o || o.Folds < 2)
        {
            return Usage("yiwang hotline cross-validate " + Options + " [--folds 5]");
        }

        if (Load(o) is not { } messages)
        {
            return Task.FromResult(1);
        }

        Console.WriteLine(CrossValidation.Run(messages, o.Folds, services.GetRequiredService<TimeProvider>()).Render());
        return Task.FromResult(0);
    }

    private sealed record Parsed(string Input, string? Model, MessageCsv.Columns Columns, int Folds);

    private static Parsed? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            values[args[i][2..]] = args[++i];
        }

        if (!values.TryGetValue("input", out var input) || values.Keys.Except(["input", "model", "title-column", "text-column", "label-column", "folds"]).Any())
        {
            return null;
        }

        var defaults = new MessageCsv.Columns();
        var folds = values.TryGetValue("folds", out var f) && int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 5;
        return new Parsed(input, values.GetValueOrDefault("model"),
            new MessageCsv.Columns(values.GetValueOrDefault("title-column", defaults.Title), values.GetValueOrDefault("text-column", defaults.Text), values.GetValueOrDefault("label-column", defaults.Label)),
            folds);
    }

    private static IReadOnlyList<LabelledMessage>? Load(Parsed o)
    {
        if (!File.Exists(o.Input))
        {
            Console.Error.WriteLine($"hotline.file_not_found: {o.Input}");
            return null;
        }

        var read = MessageCsv.Read(o.Input, o.Columns);
        if (read.IsFailure)
        {
            Console.Error.WriteLine($"{read.Error!.Code}: {read.Error.Message}");
            return null;
        }

        if (read.Value!.Messages.Count == 0)
        {
            Console.Error.WriteLine("hotline.no_messages: the file has no labelled messages");
            return null;
        }

        if (read.Value.Skipped > 0)
        {
            Console.Error.WriteLine($"skipped {read.Value.Skipped} rows without a label or text");
        }

        return read.Value.Messages;
    }

    private static Task<int> Usage(string usage)
    {
        Console.Error.WriteLine("usage: " + usage);
        return Task.FromResult(2);
    }
}

using System.Globalization;

namespace Yiwang.Modules.Hotline.HotSpots;

/// <summary><c>yiwang hotline hotspots --input FILE.csv [--days 30] [--top 10]</c>: hot spots of a message export.</summary>
internal static class HotSpotCommand
{
    public const string Usage = "yiwang hotline hotspots --input FILE.csv [--days 30] [--top 10]";

    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Option("--input") is not { } input || !int.TryParse(Option("--days") ?? "30", CultureInfo.InvariantCulture, out var days) || days < 1
            || !int.TryParse(Option("--top") ?? "10", CultureInfo.InvariantCulture, out var top) || top < 1)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return Task.FromResult(2);
        }

        if (!File.Exists(input) || HotSpotCsv.Read(input) is not { } messages)
        {
            Console.Error.WriteLine("hotline.csv_missing_columns: the file needs 留言编号, 留言主题, 留言时间, 留言详情 and 点赞数");
            return Task.FromResult(1);
        }

        var spots = HotSpotFinder.Find(messages, TimeSpan.FromDays(days), top);
        Console.WriteLine($"{messages.Count:N0} messages, window {days} days, heat = Σ (1 + log2(1 + votes)) × 0.5^(age days / {HotSpotFinder.HalfLifeDays})");
        var rank = 0;
        foreach (var s in spots)
        {
            Console.WriteLine($"{++rank,3}. heat {s.Heat,7:F2}  {s.Count,3} messages  {s.Votes,5} votes  {s.FirstUtc.AddHours(8):yyyy-MM-dd}–{s.LastUtc.AddHours(8):yyyy-MM-dd}  [{s.Place}] {s.Title}");
        }

        return Task.FromResult(0);
    }
}

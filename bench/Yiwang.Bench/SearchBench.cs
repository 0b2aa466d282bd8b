using System.Diagnostics;
using Yiwang.Kernel.Paging;
using Yiwang.Modules.Catalog.Contracts;

namespace Yiwang.Bench;

/// <summary>In-process search latency over the loaded catalogue, against a match-all page as the baseline.</summary>
internal static class SearchBench
{
    private static readonly string[] Queries = ["户口", "结婚", "营业执照", "税", "食品经营许可", "不动产登记", "社会保障卡", "养老保险参保", "营业执照怎么办", "出生医学证明", "施工许可", "残疾人证"];

    public static void Run(ICatalogApi catalog)
    {
        var searches = new List<CatalogSearch>();
        foreach (var q in Queries)
        {
            searches.Add(Search(q, null, null));
            searches.Add(Search(q, "510000", null));
            searches.Add(Search(q, null, "01"));
        }

        var baseline = Measure(catalog, [Search(null, null, null)], 3000);
        var measured = Measure(catalog, searches, 3000);
        var total = catalog.Search(Search(null, null, null)).Total;
        Console.WriteLine($"search over {total:N0} items: p50 {measured.P50:F2} ms, p99 {measured.P99:F2} ms (targets 5 / 20 ms); match-all baseline p50 {baseline.P50:F2} ms, p99 {baseline.P99:F2} ms; ratio p50 {measured.P50 / baseline.P50:F1}×, p99 {measured.P99 / baseline.P99:F1}×");
    }

    private static CatalogSearch Search(string? q, string? region, string? type) => new(q, region, null, type, null, [], null, new PageRequest(1, 20));

    private static (double P50, double P99) Measure(ICatalogApi catalog, List<CatalogSearch> searches, int iterations)
    {
        for (var i = 0; i < 300; i++)
        {
            catalog.Search(searches[i % searches.Count]);
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            catalog.Search(searches[i % searches.Count]);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[iterations / 2], samples[(int)(iterations * 0.99)]);
    }
}

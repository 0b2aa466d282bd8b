using System.Globalization;
using System.Text.Json;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Reference.Domain;

namespace Yiwang.Modules.Reference.Seeding;

/// <summary>Reads the reference data shipped inside the assembly (regions from china-division, holidays from holiday-cn).</summary>
internal static class ShippedData
{
    public static IEnumerable<Region> Regions()
    {
        foreach (var row in Rows("provinces.csv"))
        {
            yield return Region.Create(row[0] + "0000", row[1], RegionLevel.Province, null);
        }

        foreach (var row in Rows("cities.csv"))
        {
            yield return Region.Create(row[0] + "00", row[1], RegionLevel.City, row[2] + "0000");
        }

        foreach (var row in Rows("areas.csv"))
        {
            // Cities without districts (东莞, 中山, 儋州) are listed again as their own county-level unit with the same
            // code; the city row already stands for both.
            if (row[0] != row[2] + "00")
            {
                yield return Region.Create(row[0], row[1], RegionLevel.County, row[2] + "00");
            }
        }
    }

    public static IEnumerable<HolidayDay> HolidayDays()
    {
        var assembly = typeof(ShippedData).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("holiday-cn/", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var parsed = HolidayCnFile.Parse(stream);
            foreach (var day in parsed.Value!)
            {
                yield return day;
            }
        }
    }

    // The shipped CSVs are simple: quoted names never contain commas or quotes.
    private static IEnumerable<string[]> Rows(string file)
    {
        using var stream = typeof(ShippedData).Assembly.GetManifestResourceStream("regions/" + file)
            ?? throw new InvalidOperationException($"Missing shipped resource {file}.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return [.. line.Split(',').Select(f => f.Trim('"'))];
            }
        }
    }
}

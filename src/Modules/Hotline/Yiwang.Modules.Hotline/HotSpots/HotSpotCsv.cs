using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Yiwang.Modules.Hotline.HotSpots;

/// <summary>
/// Reads messages with votes (UTF-8 CSV with a header: 留言编号, 留言主题, 留言时间, 留言详情, 点赞数, and optionally 反对数)
/// for hot-spot detection from the command line. Times are local (Asia/Shanghai) as written, either as
/// <c>2019/2/28 11:25:05</c> or as an Excel serial number, which some exports contain.
/// </summary>
internal static class HotSpotCsv
{
    public static List<HotSpotInput>? Read(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
            || new[] { "留言编号", "留言主题", "留言时间", "留言详情", "点赞数" }.Any(c => !header.Contains(c)))
        {
            return null;
        }

        var messages = new List<HotSpotInput>();
        while (csv.Read())
        {
            if (Time(csv.GetField("留言时间")) is not { } at)
            {
                continue;
            }

            messages.Add(new HotSpotInput(csv.GetField("留言编号") ?? "", csv.GetField("留言主题") ?? "", csv.GetField("留言详情") ?? "", at,
                int.TryParse(csv.GetField("点赞数"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var votes) ? votes : 0));
        }

        return messages;
    }

    private static DateTime? Time(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000
            ? DateTime.SpecifyKind(DateTime.FromOADate(serial).AddHours(-8), DateTimeKind.Utc)
            : null;
    }
}

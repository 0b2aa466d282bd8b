using System.Globalization;
using System.Text;

namespace Yiwang.Bench;

/// <summary>
/// A CSV of N implementation items spread over real counties: the names are those of the shipped demo and Guang'an
/// items, so the text statistics resemble a real catalogue; departments are synthetic, ten per county.
/// </summary>
internal static class SyntheticCatalog
{
    private static readonly string[] Departments = ["市场监督管理局", "民政局", "卫生健康局", "公安分局", "自然资源局", "住房和城乡建设局", "人力资源和社会保障局", "医疗保障局", "交通运输局", "教育局"];

    public static byte[] Build(int count, IReadOnlyList<Yiwang.Modules.Reference.Contracts.RegionInfo> counties, IReadOnlyList<string> names)
    {
        var sb = new StringBuilder(count * 200);
        sb.Append("事项编码,事项名称,事项类型,行政区划,实施主体编码,实施主体,承诺办结时限,法定办结时限,网上办理深度,标签,受理条件\n");
        var types = new[] { "01", "07", "20", "05", "10" };
        var depths = new[] { "全程网办", "网上受理", "网上预审", "互联网咨询" };
        var flags = new[] { "一次不跑", "最多跑一次；高频事项", "跨省通办", "免证可办", "" };
        for (var i = 0; i < count; i++)
        {
            var county = counties[i % counties.Count];
            var dept = i / counties.Count % Departments.Length;
            var name = names[(i * 7919) % names.Count];
            var promised = i % 15;
            sb.Append(CultureInfo.InvariantCulture, $"B{county.Code}-{i:D6},{Csv(name)},{types[i % types.Length]},{county.Code},{county.Code}-D{dept},{county.Name}{Departments[dept]},{promised},{promised + 10},{depths[i % depths.Length]},{flags[i % flags.Length]},\"申请人应当符合{Csv(name)}的法定条件\"\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Csv(string value) => value.Replace(",", "，", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
}

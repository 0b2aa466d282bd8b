namespace Yiwang.Modules.Reference.Contracts;

/// <summary>
/// Administrative division codes (行政区划代码, GB/T 2260). Stored as six digits; two-digit province, four-digit city
/// and twelve-digit statistical codes down to county level are accepted and normalised.
/// </summary>
public static class RegionCode
{
    /// <summary>Normalises to six digits, or returns <see langword="null"/> if the text is not a county-level-or-above code.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var c = code.Trim();
        if (!c.All(char.IsAsciiDigit))
        {
            return null;
        }

        return c.Length switch
        {
            2 => c + "0000",
            4 => c + "00",
            6 => c,
            12 when c.EndsWith("000000", StringComparison.Ordinal) => c[..6],
            _ => null,
        };
    }

    /// <summary>The codes of the region and its ancestors (province, city, county), most general first.</summary>
    public static IReadOnlyList<string> Lineage(string sixDigitCode)
    {
        var province = sixDigitCode[..2] + "0000";
        var city = sixDigitCode[..4] + "00";
        var list = new List<string>(3) { province };
        if (city != province)
        {
            list.Add(city);
        }

        if (sixDigitCode != city)
        {
            list.Add(sixDigitCode);
        }

        return list;
    }
}

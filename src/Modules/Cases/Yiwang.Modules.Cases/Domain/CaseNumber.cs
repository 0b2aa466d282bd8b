using System.Security.Cryptography;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>
/// 办件编号: <c>{region 6}{yyyyMMdd}{sequence 6}{check}</c>, 21 characters (the length of Zhejiang's 申报号), unique,
/// readable and ordered per region and day. The check character is ISO 7064 MOD 11-2 (as on resident ID cards), so
/// a mistyped number is caught before a lookup.
/// </summary>
internal static class CaseNumber
{
    private const string Checks = "10X98765432";
    private const string QueryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Format(string regionCode, DateOnly day, int sequence)
    {
        var body = $"{regionCode[..6]}{day:yyyyMMdd}{sequence:D6}";
        return body + Check(body);
    }

    public static bool IsWellFormed(string? number) =>
        number is { Length: 21 } && number.AsSpan(0, 20).IndexOfAnyExceptInRange('0', '9') < 0 && number[20] == Check(number[..20]);

    /// <summary>The query code (查询密码) given to the applicant with the number: 8 characters without look-alikes.</summary>
    public static string NewQueryCode() => RandomNumberGenerator.GetString(QueryAlphabet, 8);

    private static char Check(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Weights 2^(n-i) mod 11, as in ISO 7064 MOD 11-2.
            sum += (digits[i] - '0') * (int)(BigPow(digits.Length - i) % 11);
        }

        return Checks[sum % 11];
    }

    private static long BigPow(int exponent)
    {
        long r = 1;
        for (var i = 0; i < exponent; i++)
        {
            r = r * 2 % 11;
        }

        return r;
    }
}

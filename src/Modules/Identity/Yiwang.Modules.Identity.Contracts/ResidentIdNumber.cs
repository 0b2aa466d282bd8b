using System.Globalization;

namespace Yiwang.Modules.Identity.Contracts;

/// <summary>
/// Resident identity card number (居民身份证号码) per GB 11643-1999: six-digit region code, eight-digit birth date,
/// three-digit sequence and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string Checks = "10X98765432";

    /// <summary>Whether the number has 18 characters, a real birth date and the right check character.</summary>
    public static bool IsValid(string? number)
    {
        if (number is not { Length: 18 } || !number.AsSpan(0, 17).ContainsOnlyDigits())
        {
            return false;
        }

        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
        {
            return false;
        }

        return char.ToUpperInvariant(number[17]) == CheckCharacter(number.AsSpan(0, 17));
    }

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return Checks[sum % 11];
    }

    /// <summary>The masked form shown in lists and logs: first and last character only (3****************X).</summary>
    public static string Mask(string number) => number.Length < 3 ? new string('*', number.Length) : number[0] + new string('*', number.Length - 2) + number[^1];

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

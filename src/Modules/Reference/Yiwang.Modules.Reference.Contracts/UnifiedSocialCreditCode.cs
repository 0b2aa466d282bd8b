namespace Yiwang.Modules.Reference.Contracts;

/// <summary>
/// Unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from a 31-character alphabet
/// (digits and capitals without I, O, S, V, Z); the last is a check character computed modulo 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Whether <paramref name="code"/> is 18 valid characters with a correct check character.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: 18 } && CheckCharacter(code.AsSpan(0, 17)) is { } expected && code[17] == expected;

    /// <summary>The check character for the first 17 characters, or <see langword="null"/> if any is outside the alphabet.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Yiwang.Modules.Licences.Domain;

/// <summary>
/// 证照标识 per GB/T 36904: <c>1.2.156.3005.2.{type}.{issuer}.{serial}.{version}.{check}</c>. The type code is the defining
/// authority's credit code and three digits (21 characters), the issuer its 18-character credit code, the serial up to
/// 32 digits or capital letters, the version three digits, and the check character ISO 7064 MOD 37,36 (hybrid) over
/// type + issuer + serial + version.
/// </summary>
internal readonly record struct LicenceIdentifier(string TypeCode, string IssuerCode, string Serial, int Version)
{
    public const string Root = "1.2.156.3005.2";
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public char Check => CheckCharacter(TypeCode + IssuerCode + Serial + VersionText);

    private string VersionText => Version.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"{Root}.{TypeCode}.{IssuerCode}.{Serial}.{VersionText}.{Check}";

    public LicenceIdentifier WithVersion(int version) => this with { Version = version };

    public static bool IsTypeCode(string? code) => code is { Length: 21 } && code.All(IsCodeChar) && code[18..].All(char.IsAsciiDigit);

    public static bool IsIssuerCode(string? code) => code is { Length: 18 } && code.All(IsCodeChar);

    public static bool IsSerial(string? serial) => serial is { Length: >= 1 and <= 32 } && serial.All(IsCodeChar);

    /// <summary>Parses and checks an identifier; false for any malformed part or a wrong check character.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LicenceIdentifier? identifier)
    {
        identifier = null;
        if (text is null || !text.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[(Root.Length + 1)..].Split('.');
        if (parts.Length != 5 || !IsTypeCode(parts[0]) || !IsIssuerCode(parts[1]) || !IsSerial(parts[2])
            || parts[3] is not { Length: 3 } v || !v.All(char.IsAsciiDigit) || parts[4].Length != 1)
        {
            return false;
        }

        var candidate = new LicenceIdentifier(parts[0], parts[1], parts[2], int.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        if (candidate.Version < 1 || candidate.Check != parts[4][0])
        {
            return false;
        }

        identifier = candidate;
        return true;
    }

    /// <summary>ISO 7064 hybrid MOD 37,36 over digits and capital letters.</summary>
    public static char CheckCharacter(string data)
    {
        var p = 36;
        foreach (var c in data)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{c}' is not a digit or a capital letter.", nameof(data));
            }

            p = (p + value) % 36;
            if (p == 0)
            {
                p = 36;
            }

            p = p * 2 % 37;
        }

        return Alphabet[(37 - p) % 36];
    }

    private static bool IsCodeChar(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Yiwang.Modules.Licences.Crypto;

/// <summary>
/// Selective disclosure (SD-JWT, RFC 9901 draft as used by VC 2.0 <c>vc+sd-jwt</c>): each field of the licence's face
/// is a salted disclosure whose SHA-256 digest sits in the signed payload. The holder presents the JWS with only the
/// disclosures they choose; a verifier can check each shown field and learns nothing of the others.
/// Text form: <c>JWS~disclosure~disclosure~</c>.
/// </summary>
internal static class SdJwt
{
    public sealed record Disclosure(string Encoded, string Name, string Value, string Digest);

    public static Disclosure Disclose(string name, string value)
    {
        var salt = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var encoded = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonArray(salt, name, value).ToJsonString()));
        return new Disclosure(encoded, name, value, DigestOf(encoded));
    }

    public static string DigestOf(string encodedDisclosure) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(encodedDisclosure)));

    public static string Combine(string jws, IEnumerable<string> disclosures) => string.Concat(disclosures.Select(d => d + "~").Prepend(jws + "~"));

    /// <summary>Splits the text form; false when it has no JWS part.</summary>
    public static bool TrySplit(string text, out string jws, out IReadOnlyList<string> disclosures)
    {
        var parts = text.Trim().Split('~');
        jws = parts[0];
        disclosures = [.. parts.Skip(1).Where(p => p.Length > 0)];
        return jws.Count(c => c == '.') == 2;
    }

    /// <summary>Decodes a disclosure; null when it is not a [salt, name, string value] array.</summary>
    public static Disclosure? Decode(string encoded)
    {
        try
        {
            var reader = new Utf8JsonReader(Base64Url.DecodeFromChars(encoded));
            var array = JsonElement.ParseValue(ref reader);
            if (array.ValueKind == JsonValueKind.Array && array.GetArrayLength() == 3
                && array[1].ValueKind == JsonValueKind.String && array[2].ValueKind == JsonValueKind.String)
            {
                return new Disclosure(encoded, array[1].GetString()!, array[2].GetString()!, DigestOf(encoded));
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
        }

        return null;
    }
}

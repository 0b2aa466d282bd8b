using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Yiwang.Modules.Licences.Crypto;

/// <summary>JWS compact serialisation (RFC 7515): the two parts base64url-encoded JSON, signed over their ASCII.</summary>
internal static class Jws
{
    public static string Sign(SignatureScheme scheme, string kid, string type, JsonObject payload, byte[] privateKey)
    {
        var header = new JsonObject { ["alg"] = scheme.Alg, ["kid"] = kid, ["typ"] = type };
        var input = Encode(header) + "." + Encode(payload);
        return input + "." + Base64Url.EncodeToString(scheme.Sign(privateKey, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>Splits a compact JWS; null when it is not three base64url parts with JSON objects in the first two.</summary>
    public static Parsed? Parse(string compact)
    {
        var first = compact.IndexOf('.');
        var second = first < 0 ? -1 : compact.IndexOf('.', first + 1);
        if (second < 0 || compact.IndexOf('.', second + 1) >= 0)
        {
            return null;
        }

        try
        {
            // JsonElement over the decoded bytes, not a JsonNode tree: verification reads a handful of members and this
            // path runs for every presentation a department checks.
            var header = Element(Base64Url.DecodeFromChars(compact.AsSpan(0, first)));
            var payload = Element(Base64Url.DecodeFromChars(compact.AsSpan(first + 1, second - first - 1)));
            if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new Parsed(header, payload, Encoding.ASCII.GetBytes(compact, 0, second), Base64Url.DecodeFromChars(compact.AsSpan(second + 1)));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static JsonElement Element(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>A string member of an object, or null when it is missing or not a string.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    internal sealed record Parsed(JsonElement Header, JsonElement Payload, byte[] SigningInput, byte[] Signature)
    {
        public string? Kid => Header.Text("kid");

        public string? Alg => Header.Text("alg");
    }
}

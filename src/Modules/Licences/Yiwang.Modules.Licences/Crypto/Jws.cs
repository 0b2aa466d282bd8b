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
        var parts = compact.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) is not JsonObject header
                || JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) is not JsonObject payload)
            {
                return null;
            }

            return new Parsed(header, payload, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    internal sealed record Parsed(JsonObject Header, JsonObject Payload, byte[] SigningInput, byte[] Signature)
    {
        public string? Kid => Header["kid"]?.GetValueKind() == JsonValueKind.String ? (string?)Header["kid"] : null;

        public string? Alg => Header["alg"]?.GetValueKind() == JsonValueKind.String ? (string?)Header["alg"] : null;
    }
}

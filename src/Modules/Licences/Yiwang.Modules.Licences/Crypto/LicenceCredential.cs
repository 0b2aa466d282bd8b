using System.Text.Json.Nodes;
using Yiwang.Modules.Licences.Domain;

namespace Yiwang.Modules.Licences.Crypto;

/// <summary>
/// The signed form of a licence: a W3C Verifiable Credential 2.0 secured as SD-JWT (<c>vc+sd-jwt</c>). Always visible:
/// the identifier, type, issuer, validity and status entries. Selectively disclosable: the holder and every face field.
/// </summary>
internal static class LicenceCredential
{
    public const string MediaType = "vc+sd-jwt";
    public const string HolderName = "持证主体";
    public const string HolderCode = "持证主体代码";

    public static string IssuerId(string baseUrl, string issuerCode) => $"{baseUrl}/api/v1/licences/issuers/{issuerCode}";

    public static string Sign(Licence licence, IssuerKey key, string baseUrl)
    {
        var disclosures = new List<SdJwt.Disclosure> { SdJwt.Disclose(HolderName, licence.HolderName), SdJwt.Disclose(HolderCode, licence.HolderCode) };
        disclosures.AddRange(licence.Fields.Select(f => SdJwt.Disclose(f.Key, f.Value)));
        var issuerId = IssuerId(baseUrl, licence.IssuerCode);
        var payload = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = "urn:cn-licence:" + licence.Identifier,
            ["type"] = new JsonArray("VerifiableCredential", "ElectronicLicence"),
            ["issuer"] = new JsonObject { ["id"] = issuerId, ["name"] = licence.IssuerName },
            ["validFrom"] = $"{licence.ValidFrom:yyyy-MM-dd}T00:00:00+08:00",
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = "LicenceHolder",
                ["licenceType"] = licence.TypeCode,
                ["licenceTypeName"] = licence.TypeName,
                ["holderCodeType"] = licence.HolderCodeType,
                // Sorted, so the order of the digests says nothing about the fields.
                ["_sd"] = new JsonArray([.. disclosures.Select(d => d.Digest).Order(StringComparer.Ordinal).Select(d => (JsonNode)d!)]),
            },
            ["credentialStatus"] = new JsonArray(
                StatusEntry(baseUrl, licence, StatusLists.Revocation),
                StatusEntry(baseUrl, licence, StatusLists.Suspension)),
            ["_sd_alg"] = "sha-256",
            ["iss"] = issuerId,
            ["jti"] = licence.Identifier,
            ["iat"] = new DateTimeOffset(licence.IssuedAtUtc, TimeSpan.Zero).ToUnixTimeSeconds(),
        };
        if (licence.ValidUntil is { } until)
        {
            payload["validUntil"] = $"{until:yyyy-MM-dd}T23:59:59+08:00";
        }

        var jws = Jws.Sign(SignatureScheme.For(key.Algorithm), key.Kid, MediaType, payload, Convert.FromBase64String(key.PrivateKey));
        return SdJwt.Combine(jws, disclosures.Select(d => d.Encoded));
    }

    private static JsonObject StatusEntry(string baseUrl, Licence licence, string purpose)
    {
        var list = licence.StatusIndex / StatusLists.Size;
        var url = StatusLists.Url(baseUrl, licence.IssuerCode, purpose, list);
        var index = licence.StatusIndex % StatusLists.Size;
        return new JsonObject
        {
            ["id"] = $"{url}#{index}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = purpose,
            ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusListCredential"] = url,
        };
    }
}

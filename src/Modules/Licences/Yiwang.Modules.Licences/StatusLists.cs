using System.Buffers.Text;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences;

/// <summary>
/// W3C Bitstring Status Lists per issuer: one for revocation (吊销 and 注销, final) and one for suspension (中止), 131,072
/// entries each (16 KiB, the spec's minimum for herd privacy). Built from the licences' statuses, cached for
/// <c>Licences:StatusListCacheSeconds</c>, and used by every verification here, so a change reaches every verifier,
/// ours or anyone's reading the published list, within that time.
/// </summary>
internal sealed class StatusLists(IServiceScopeFactory scopes, IOptions<LicencesOptions> options, IssuerKeyring keyring, TimeProvider clock)
{
    public const int Size = 131_072;
    public const string Revocation = "revocation";
    public const string Suspension = "suspension";

    private sealed record Cached(byte[] Bits, DateTimeOffset BuiltAt);

    private readonly ConcurrentDictionary<(string Issuer, string Purpose, int List), Cached> _cache = new();

    public static string Url(string baseUrl, string issuerCode, string purpose, int list) =>
        $"{baseUrl}/api/v1/licences/status/{issuerCode}/{purpose}/{list}";

    public static bool IsPurpose(string purpose) => purpose is Revocation or Suspension;

    public async Task<bool> IsSetAsync(string issuerCode, string purpose, int index, CancellationToken ct)
    {
        var bits = await BitsAsync(issuerCode, purpose, index / Size, ct);
        var i = index % Size;
        return (bits[i / 8] & (0x80 >> (i % 8))) != 0;
    }

    /// <summary>The published list: a BitstringStatusListCredential signed by the issuer (JWS), or null for an unknown issuer.</summary>
    public async Task<string?> CredentialAsync(string issuerCode, string purpose, int list, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var issuer = await db.Issuers.FirstOrDefaultAsync(i => i.CreditCode == issuerCode, ct);
        if (issuer is null)
        {
            return null;
        }

        var bits = await BitsAsync(issuerCode, purpose, list, ct);
        var baseUrl = options.Value.BaseUrl;
        var url = Url(baseUrl, issuerCode, purpose, list);
        var payload = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = LicenceCredential.IssuerId(baseUrl, issuerCode),
            ["validFrom"] = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = url + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = purpose,
                ["encodedList"] = "u" + Base64Url.EncodeToString(Gzip(bits)),
            },
            ["iss"] = LicenceCredential.IssuerId(baseUrl, issuerCode),
        };
        var key = await keyring.SigningKeyAsync(db, issuer, ct);
        return Jws.Sign(SignatureScheme.For(key.Algorithm), key.Kid, "vc+jwt", payload, Convert.FromBase64String(key.PrivateKey));
    }

    /// <summary>Forgets the cached lists of an issuer, so the next read here sees a change at once (other nodes within the cache time).</summary>
    public void Invalidate(string issuerCode)
    {
        foreach (var key in _cache.Keys.Where(k => k.Issuer == issuerCode))
        {
            _cache.TryRemove(key, out _);
        }
    }

    private async Task<byte[]> BitsAsync(string issuerCode, string purpose, int list, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue((issuerCode, purpose, list), out var cached) && now - cached.BuiltAt < TimeSpan.FromSeconds(options.Value.StatusListCacheSeconds))
        {
            return cached.Bits;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var from = list * Size;
        var to = from + Size;
        var query = db.Licences.AsNoTracking().Where(l => l.IssuerCode == issuerCode && l.StatusIndex >= from && l.StatusIndex < to);
        query = purpose == Revocation
            ? query.Where(l => l.Status == LicenceStatus.Revoked || l.Status == LicenceStatus.Cancelled)
            : query.Where(l => l.Status == LicenceStatus.Suspended);
        var bits = new byte[Size / 8];
        foreach (var index in await query.Select(l => l.StatusIndex).ToListAsync(ct))
        {
            var i = index - from;
            bits[i / 8] |= (byte)(0x80 >> (i % 8));
        }

        _cache[(issuerCode, purpose, list)] = new Cached(bits, now);
        return bits;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences;

/// <summary>A public key as verifiers need it: whose it is, which algorithm, the key bytes.</summary>
internal sealed record KnownKey(string Kid, string IssuerCode, SigningAlgorithm Algorithm, byte[] PublicKey, DateTime CreatedAtUtc, DateTime? RetiredAtUtc);

/// <summary>
/// Issuers' signing keys: creates an issuer's first key on first use, rotates (the old key stops signing but keeps
/// verifying what it signed), and answers "whose key is this kid" for verification from a process-wide cache.
/// </summary>
internal sealed class IssuerKeyring(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, KnownKey> _known = new(StringComparer.Ordinal);

    /// <summary>The key the issuer signs with now; created (and stored) when it has none for its algorithm.</summary>
    public async Task<IssuerKey> SigningKeyAsync(LicencesDbContext db, Issuer issuer, CancellationToken ct)
    {
        var key = await db.Keys.Where(k => k.IssuerCode == issuer.CreditCode && k.Algorithm == issuer.Algorithm && k.RetiredAtUtc == null)
            .OrderByDescending(k => k.CreatedAtUtc).FirstOrDefaultAsync(ct);
        return key ?? await CreateAsync(db, issuer.CreditCode, issuer.Algorithm, ct);
    }

    /// <summary>
    /// The platform's own key (Ed25519), which signs use authorisations. Its issuer code (<see cref="PlatformCode"/>) is
    /// no credit code, so a credential signed with it can never pass as a licence; it is published in the JWK set.
    /// </summary>
    public async Task<IssuerKey> PlatformKeyAsync(LicencesDbContext db, CancellationToken ct)
    {
        var key = await db.Keys.Where(k => k.IssuerCode == PlatformCode && k.RetiredAtUtc == null).OrderByDescending(k => k.CreatedAtUtc).FirstOrDefaultAsync(ct);
        return key ?? await CreateAsync(db, PlatformCode, SigningAlgorithm.Ed25519, ct);
    }

    public const string PlatformCode = "platform";

    /// <summary>Retires the issuer's current keys and makes a new one (密钥轮换).</summary>
    public async Task<IssuerKey> RotateAsync(LicencesDbContext db, Issuer issuer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var old in await db.Keys.Where(k => k.IssuerCode == issuer.CreditCode && k.RetiredAtUtc == null).ToListAsync(ct))
        {
            old.Retire(now);
            _known.TryRemove(old.Kid, out _);
        }

        return await CreateAsync(db, issuer.CreditCode, issuer.Algorithm, ct);
    }

    public async Task<KnownKey?> FindAsync(string kid, CancellationToken ct)
    {
        if (_known.TryGetValue(kid, out var known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var key = await db.Keys.AsNoTracking().FirstOrDefaultAsync(k => k.Kid == kid, ct);
        return key is null ? null : _known.GetOrAdd(kid, Known(key));
    }

    /// <summary>Every key of every issuer, for the JWK set and the trust list.</summary>
    public async Task<IReadOnlyList<KnownKey>> AllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var keys = await db.Keys.AsNoTracking().OrderBy(k => k.IssuerCode).ThenBy(k => k.CreatedAtUtc).ToListAsync(ct);
        return [.. keys.Select(Known)];
    }

    private async Task<IssuerKey> CreateAsync(LicencesDbContext db, string ownerCode, SigningAlgorithm algorithm, CancellationToken ct)
    {
        var (publicKey, privateKey) = SignatureScheme.For(algorithm).Generate();
        var kid = $"{ownerCode}-{Guid.CreateVersion7(clock.GetUtcNow()):N}";
        var key = IssuerKey.Create(kid, ownerCode, algorithm, publicKey, privateKey, clock.GetUtcNow());
        db.Keys.Add(key);
        await db.SaveChangesAsync(ct);
        return key;
    }

    private static KnownKey Known(IssuerKey k) => new(k.Kid, k.IssuerCode, k.Algorithm, Convert.FromBase64String(k.PublicKey), k.CreatedAtUtc, k.RetiredAtUtc);
}

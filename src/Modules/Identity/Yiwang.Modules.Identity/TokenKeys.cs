using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Yiwang.Kernel;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity;

/// <summary>
/// Loads the token keys from the database when the server options are first needed (after start-up migrations),
/// creating them on first use: RSA-2048 for signing (published in the JWKS), AES-256 for encrypting codes and refresh
/// tokens. Access tokens are signed but not encrypted, so that department systems can validate them with the JWKS.
/// </summary>
internal sealed class TokenKeys(IServiceScopeFactory scopes, TimeProvider clock) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var signing = Load(db, "signing", () => RSA.Create(2048).ExportPkcs8PrivateKey());
        var encryption = Load(db, "encryption", () => RandomNumberGenerator.GetBytes(32));

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(signing.Bytes, out _);
        var signingKey = new RsaSecurityKey(rsa) { KeyId = signing.Id.ToString("N")[..16] };
        options.SigningCredentials.Add(new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(new SymmetricSecurityKey(encryption.Bytes), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private (Guid Id, byte[] Bytes) Load(IdentityDbContext db, string purpose, Func<byte[]> create)
    {
        var existing = db.Keys.Where(k => k.Purpose == purpose).OrderByDescending(k => k.CreatedAtUtc).FirstOrDefault();
        if (existing is null)
        {
            existing = KeyMaterial.Create(Ids.New(clock), purpose, create(), clock.GetUtcNow());
            db.Keys.Add(existing);
            try
            {
                db.SaveChanges();
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another node created it first: use theirs.
                db.ChangeTracker.Clear();
                existing = db.Keys.Where(k => k.Purpose == purpose).OrderBy(k => k.CreatedAtUtc).First();
            }
        }

        return (existing.Id, Convert.FromBase64String(existing.Material));
    }
}

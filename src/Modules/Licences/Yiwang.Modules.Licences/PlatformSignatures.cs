using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences;

/// <summary>The platform key put to use for other modules: sign bytes, and check a signature against the published keys.</summary>
internal sealed class PlatformSignatures(LicencesDbContext db, IssuerKeyring keyring) : IPlatformSignatures
{
    public async Task<PlatformSignature> SignAsync(byte[] data, CancellationToken ct)
    {
        var key = await keyring.PlatformKeyAsync(db, ct);
        var scheme = SignatureScheme.For(key.Algorithm);
        var signature = scheme.Sign(Convert.FromBase64String(key.PrivateKey), data);
        return new PlatformSignature(key.Kid, scheme.Alg, System.Buffers.Text.Base64Url.EncodeToString(signature));
    }

    public async Task<bool> VerifyAsync(byte[] data, PlatformSignature signature, CancellationToken ct)
    {
        if (await keyring.FindAsync(signature.Kid, ct) is not { IssuerCode: IssuerKeyring.PlatformCode } key)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(signature.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var scheme = SignatureScheme.For(key.Algorithm);
        return scheme.Alg == signature.Alg && scheme.Verify(key.PublicKey, data, bytes);
    }
}

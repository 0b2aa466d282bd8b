using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// Turns an ID number into the digest the evidence log keeps instead of it: HMAC-SM3 under a random key shared by all
/// nodes through the database. The log can then answer "who read my data" for a signed-in person without holding
/// anyone's ID number, and the digests cannot be reversed by trying every possible number without the key.
/// </summary>
internal sealed class SubjectDigests(IServiceScopeFactory scopes) : IModuleInitializer
{
    private const string KeyName = "subject-digest-key";
    private byte[]? _key;

    public int Order => 500;

    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        var setting = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Name == KeyName, ct);
        if (setting is null)
        {
            db.Settings.Add(new SharingSetting { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another node made it first
            }

            setting = await db.Settings.AsNoTracking().FirstAsync(s => s.Name == KeyName, ct);
        }

        _key = Convert.FromBase64String(setting.Value);
    }

    public string Of(string idNumber)
    {
        var key = _key ?? throw new InvalidOperationException("The subject digest key is not loaded yet.");
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        var bytes = Encoding.UTF8.GetBytes(idNumber.Trim().ToUpperInvariant());
        mac.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return Convert.ToHexStringLower(output, 0, 16);
    }
}

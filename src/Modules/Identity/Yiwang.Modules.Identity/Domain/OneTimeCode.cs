using System.Security.Cryptography;
using System.Text;
using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Identity.Domain;

/// <summary>
/// A one-time code sent by SMS (短信验证码): six digits, valid five minutes, five tries, used once. Only a hash is kept.
/// </summary>
internal sealed class OneTimeCode
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);

    private OneTimeCode()
    {
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Purpose { get; private set; } = "";
    public string CodeHash { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? UsedAtUtc { get; private set; }

    public static (OneTimeCode Code, string Plain) Issue(Guid id, Guid accountId, string purpose, DateTimeOffset now)
    {
        var plain = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return (new OneTimeCode
        {
            Id = id,
            AccountId = accountId,
            Purpose = purpose,
            CodeHash = Hash(id, plain),
            CreatedAtUtc = now.UtcDateTime,
            ExpiresAtUtc = now.UtcDateTime + Lifetime,
        }, plain);
    }

    public Result Use(string? code, DateTimeOffset now)
    {
        if (UsedAtUtc is not null || ExpiresAtUtc <= now.UtcDateTime)
        {
            return IdentityErrors.CodeExpired;
        }

        if (Attempts >= MaxAttempts)
        {
            return IdentityErrors.TooManyAttempts;
        }

        Attempts++;
        if (code is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(Id, code.Trim())), Encoding.ASCII.GetBytes(CodeHash)))
        {
            return IdentityErrors.InvalidCode;
        }

        UsedAtUtc = now.UtcDateTime;
        return Result.Success;
    }

    private static string Hash(Guid id, string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}")));
}

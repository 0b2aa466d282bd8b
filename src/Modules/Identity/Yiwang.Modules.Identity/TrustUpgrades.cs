using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity;

/// <summary>Raising an account's trust level (可信等级): phone verification by SMS code, then real-name verification.</summary>
internal sealed class TrustUpgrades(IdentityDbContext db, ISmsSender sms, IRealNameVerifier verifier, TimeProvider clock, IActorAccessor actor)
{
    private const string PhonePurpose = "phone-verify";

    public async Task<Result> SendPhoneCodeAsync(Guid accountId, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account?.Phone is null)
        {
            return IdentityErrors.NotACitizen;
        }

        var now = clock.GetUtcNow();
        var recent = await db.OneTimeCodes.Where(c => c.AccountId == accountId && c.Purpose == PhonePurpose).OrderByDescending(c => c.CreatedAtUtc).FirstOrDefaultAsync(ct);
        if (recent is not null && recent.CreatedAtUtc + OneTimeCode.ResendAfter > now.UtcDateTime)
        {
            return IdentityErrors.CodeTooSoon;
        }

        var (code, plain) = OneTimeCode.Issue(Ids.New(clock), accountId, PhonePurpose, now);
        db.OneTimeCodes.Add(code);
        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.phone_code_sent", accountId.ToString(), null, clock));
        await db.SaveChangesAsync(ct);
        await sms.SendAsync(account.Phone, $"【一网通办】您的验证码是 {plain}，5 分钟内有效。请勿告诉他人。", ct);
        return Result.Success;
    }

    public async Task<Result> ConfirmPhoneAsync(Guid accountId, string? code, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        var pending = await db.OneTimeCodes.Where(c => c.AccountId == accountId && c.Purpose == PhonePurpose).OrderByDescending(c => c.CreatedAtUtc).FirstOrDefaultAsync(ct);
        if (account is null || pending is null)
        {
            return IdentityErrors.CodeExpired;
        }

        var used = pending.Use(code, clock.GetUtcNow());
        if (!used.IsFailure)
        {
            account.RaiseTrust(TrustLevel.PhoneVerified);
        }

        db.Audit.Add(AuditEntry.Record(actor.Current, used.IsFailure ? "identity.phone_code_failed" : "identity.phone_verified", accountId.ToString(), used.Error?.Code, clock));
        await db.SaveChangesAsync(ct);
        return used;
    }

    public async Task<Result> VerifyRealNameAsync(Guid accountId, string? name, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account?.IdNumber is null)
        {
            return IdentityErrors.NotACitizen;
        }

        if (account.TrustLevel < TrustLevel.PhoneVerified)
        {
            return IdentityErrors.PhoneNotVerified;
        }

        var ok = name is not null && name.Trim() == account.Name && await verifier.VerifyAsync(name.Trim(), account.IdNumber, ct);
        if (ok)
        {
            account.RaiseTrust(TrustLevel.RealNameVerified);
        }

        db.Audit.Add(AuditEntry.Record(actor.Current, ok ? "identity.real_name_verified" : "identity.real_name_refused", accountId.ToString(), null, clock));
        await db.SaveChangesAsync(ct);
        return ok ? Result.Success : IdentityErrors.RealNameRefused;
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences;

/// <summary>Object-level checks for licences: the holder (or whoever acts for a legal holder) and the issuer's staff.</summary>
internal sealed class LicenceAccess(LicencesDbContext db, IAccountOverviews accounts, IIdentityApi identity)
{
    public Guid? AccountOf(ClaimsPrincipal user) => accounts.AccountIdOf(user);

    public StaffView? StaffOf(ClaimsPrincipal user) => accounts.StaffOf(user);

    /// <summary>Holder codes the caller holds licences under: their ID number and the credit codes they act for.</summary>
    public async Task<IReadOnlyList<string>> HolderCodesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (accounts.AccountIdOf(user) is not { } id || await identity.ProfileAsync(id, ct) is not { } me)
        {
            return [];
        }

        return [.. me.ActsFor.Select(l => l.CreditCode).Prepend(me.IdNumber ?? "").Where(c => c.Length > 0)];
    }

    public async Task<bool> IsHolderAsync(ClaimsPrincipal user, Licence licence, CancellationToken ct) =>
        (licence.HolderAccountId is { } holder && holder == accounts.AccountIdOf(user))
        || (await HolderCodesAsync(user, ct)).Contains(licence.HolderCode);

    /// <summary>The issuer the caller may issue and change licences for: their department's, with an approving role.</summary>
    public async Task<Issuer?> IssuerOfAsync(ClaimsPrincipal user, string? issuerCreditCode, CancellationToken ct)
    {
        if (StaffOf(user) is not { } staff || !(staff.HasRole(IdentityRoles.Approver) || staff.HasRole(IdentityRoles.DepartmentAdmin)))
        {
            return null;
        }

        if (staff.IsPlatformAdmin)
        {
            return issuerCreditCode is null ? null : await db.Issuers.FirstOrDefaultAsync(i => i.CreditCode == issuerCreditCode, ct);
        }

        var issuer = await db.Issuers.FirstOrDefaultAsync(i => i.DepartmentCode == staff.DepartmentCode, ct);
        return issuer is not null && (issuerCreditCode is null || issuer.CreditCode == issuerCreditCode) ? issuer : null;
    }

    /// <summary>Whether the caller is staff of the licence's issuer (any role: the window hands licences out).</summary>
    public async Task<bool> IsIssuerStaffAsync(ClaimsPrincipal user, Licence licence, CancellationToken ct)
    {
        if (StaffOf(user) is not { } staff)
        {
            return false;
        }

        return staff.IsPlatformAdmin || await db.Issuers.AnyAsync(i => i.CreditCode == licence.IssuerCode && i.DepartmentCode == staff.DepartmentCode, ct);
    }
}

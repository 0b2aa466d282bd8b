using OpenIddict.Abstractions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity;

internal sealed class AccountOverviews(IdentityDbContext db, TimeProvider clock) : IAccountOverviews
{
    public Guid? AccountIdOf(ClaimsPrincipal user) => Principals.AccountId(user);

    public StaffView? StaffOf(ClaimsPrincipal user) =>
        StaffScope.Of(user)?.ToView([.. user.FindAll(OpenIddict.Abstractions.OpenIddictConstants.Claims.Role).Select(c => c.Value)
            .Concat(user.FindAll(ClaimTypes.Role).Select(c => c.Value)).Distinct()]);

    // A department system's token has a subject and a department but no account kind (see OidcEndpoints.Token).
    public SystemClient? SystemOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.GetClaim(Principals.KindClaim) is null
        && user.GetClaim(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject) is { Length: > 0 } client
        && user.GetClaim(Principals.DepartmentClaim) is { Length: > 0 } department
            ? new SystemClient(client, user.GetClaim(OpenIddict.Abstractions.OpenIddictConstants.Claims.Name) ?? client, department)
            : null;

    public async Task<AccountOverview?> GetAsync(Guid accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return null;
        }

        var represents = await db.LegalPersons.AsNoTracking().Where(l => l.RepresentativeId == accountId).OrderBy(l => l.CreditCode).ToListAsync(ct);
        var ids = represents.Select(r => r.Id).ToList();
        var given = await GrantsAsync(db.AgentGrants.Where(g => ids.Contains(g.LegalPersonId)), ct);
        var received = await GrantsAsync(db.AgentGrants.Where(g => g.AgentId == accountId), ct);
        return new AccountOverview(
            account.Id, account.Name, account.Kind.ToString(), account.IdNumber is null ? null : ResidentIdNumber.Mask(account.IdNumber),
            account.Phone is { Length: 11 } p ? p[..3] + "****" + p[7..] : null, account.TrustLevel.ToString(),
            account.DepartmentCode, account.RegionCode, account.RoleList,
            [.. represents.Select(l => new LegalPersonSummary(l.CreditCode, l.Name, true))], given, received);
    }

    private async Task<List<GrantSummary>> GrantsAsync(IQueryable<AgentGrant> query, CancellationToken ct)
    {
        var rows = await (from g in query
                          join l in db.LegalPersons on g.LegalPersonId equals l.Id
                          join a in db.Accounts on g.AgentId equals a.Id
                          select new { g, l.CreditCode, l.Name, AgentName = a.Name, a.IdNumber }).AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. rows.OrderByDescending(r => r.g.GrantedAtUtc).Select(r => new GrantSummary(r.g.Id, r.CreditCode, r.Name, r.AgentName, ResidentIdNumber.Mask(r.IdNumber ?? ""),
            r.g.Items.Length == 0 ? [] : r.g.Items.Split(','), r.g.ValidUntilUtc, r.g.RevokedAtUtc, r.g.IsActive(now)))];
    }
}

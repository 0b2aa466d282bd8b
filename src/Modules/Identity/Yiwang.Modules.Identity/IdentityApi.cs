using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity;

internal sealed class IdentityApi(IdentityDbContext db, TimeProvider clock, OpenIddict.Abstractions.IOpenIddictApplicationManager applications) : IIdentityApi
{
    public async Task<SystemClient?> FindSystemAsync(string clientId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 64 || await applications.FindByClientIdAsync(clientId, ct) is not { } application)
        {
            return null;
        }

        var properties = await applications.GetPropertiesAsync(application, ct);
        return properties.TryGetValue("department", out var dept) && dept.ValueKind == System.Text.Json.JsonValueKind.String && dept.GetString() is { Length: > 0 } department
            ? new SystemClient(clientId, await applications.GetDisplayNameAsync(application, ct) ?? clientId, department)
            : null;
    }

    public async Task<IReadOnlyList<StaffMember>> StaffOfDepartmentAsync(string departmentCode, CancellationToken ct)
    {
        var rows = await db.Accounts.AsNoTracking().Where(a => a.Kind == Domain.AccountKind.Staff && a.DepartmentCode == departmentCode)
            .OrderBy(a => a.Name).ThenBy(a => a.LoginName).Take(500).ToListAsync(ct);
        return [.. rows.Select(a => new StaffMember(a.Id, a.LoginName, a.Name, a.RoleList))];
    }

    public async Task<PersonProfile?> ProfileAsync(Guid accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId && a.Kind == Domain.AccountKind.Citizen, ct);
        if (account is null)
        {
            return null;
        }

        var represents = await db.LegalPersons.AsNoTracking().Where(l => l.RepresentativeId == accountId)
            .Select(l => new LegalPersonSummary(l.CreditCode, l.Name, true)).ToListAsync(ct);
        var grants = await (from g in db.AgentGrants.AsNoTracking()
                            join l in db.LegalPersons on g.LegalPersonId equals l.Id
                            where g.AgentId == accountId
                            select new { g, l.CreditCode, l.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var agentFor = grants.Where(r => r.g.IsActive(now)).Select(r => new LegalPersonSummary(r.CreditCode, r.Name, false));
        return new PersonProfile(account.Id, account.Name, account.IdNumber, account.Phone, account.TrustLevel,
            [.. represents.Concat(agentFor).DistinctBy(l => l.CreditCode).OrderBy(l => l.CreditCode)]);
    }

    public async Task<bool> CanActForAsync(Guid accountId, string creditCode, string? itemCode, CancellationToken ct)
    {
        var legal = await db.LegalPersons.AsNoTracking().FirstOrDefaultAsync(l => l.CreditCode == creditCode, ct);
        if (legal is null)
        {
            return false;
        }

        if (legal.RepresentativeId == accountId)
        {
            return true;
        }

        var grants = await db.AgentGrants.AsNoTracking().Where(g => g.LegalPersonId == legal.Id && g.AgentId == accountId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return grants.Any(g => g.IsActive(now) && g.Covers(itemCode));
    }
}

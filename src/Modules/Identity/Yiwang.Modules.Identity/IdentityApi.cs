using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity;

internal sealed class IdentityApi(IdentityDbContext db, TimeProvider clock) : IIdentityApi
{
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

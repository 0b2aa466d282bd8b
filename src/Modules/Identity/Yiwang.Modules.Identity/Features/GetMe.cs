using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity.Features;

/// <summary>"My account": who I am, the legal persons I represent, and the grants I have given and received.</summary>
internal static class GetMe
{
    public sealed record GrantView(Guid Id, string CreditCode, string LegalPersonName, string AgentName, string AgentIdNumberMasked, IReadOnlyList<string> Items, DateTime ValidUntilUtc, DateTime? RevokedAtUtc, bool Active);

    public sealed record Response(
        Guid? Id, string Name, string Kind, string? IdNumberMasked, string? PhoneMasked, string? TrustLevel,
        string? DepartmentCode, string? RegionCode, IReadOnlyList<string> Roles,
        IReadOnlyList<LegalPersons.LegalPersonView> Represents, IReadOnlyList<GrantView> GrantsGiven, IReadOnlyList<GrantView> GrantsReceived);

    public static void MapGetMe(this RouteGroupBuilder group) =>
        group.MapGet("/me", Handle).RequireAuthorization().WithSummary("The signed-in account, the legal persons it represents and its agent grants");

    private static async Task<Ok<Response>> Handle(ClaimsPrincipal user, IdentityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (Principals.AccountId(user) is not { } id || await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } account)
        {
            // A department system: it has no account, only its client id and department.
            return TypedResults.Ok(new Response(null, user.GetClaim(OpenIddictConstants.Claims.Name) ?? "", "department-system", null, null, null,
                user.GetClaim(Principals.DepartmentClaim), null, [], [], [], []));
        }

        var represents = await db.LegalPersons.AsNoTracking().Where(l => l.RepresentativeId == id).OrderBy(l => l.CreditCode).ToListAsync(ct);
        var given = await Grants(db, db.AgentGrants.Where(g => represents.Select(r => r.Id).Contains(g.LegalPersonId)), clock, ct);
        var received = await Grants(db, db.AgentGrants.Where(g => g.AgentId == id), clock, ct);
        return TypedResults.Ok(new Response(
            account.Id, account.Name, account.Kind.ToString(), account.IdNumber is null ? null : ResidentIdNumber.Mask(account.IdNumber),
            account.Phone is { Length: 11 } p ? p[..3] + "****" + p[7..] : null, account.TrustLevel.ToString(),
            account.DepartmentCode, account.RegionCode, account.RoleList,
            [.. represents.Select(l => new LegalPersons.LegalPersonView(l.CreditCode, l.Name, true))], given, received));
    }

    private static async Task<List<GrantView>> Grants(IdentityDbContext db, IQueryable<Domain.AgentGrant> query, TimeProvider clock, CancellationToken ct)
    {
        var rows = await (from g in query
                          join l in db.LegalPersons on g.LegalPersonId equals l.Id
                          join a in db.Accounts on g.AgentId equals a.Id
                          orderby g.GrantedAtUtc descending
                          select new { g, l.CreditCode, l.Name, AgentName = a.Name, a.IdNumber }).AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => new GrantView(r.g.Id, r.CreditCode, r.Name, r.AgentName, ResidentIdNumber.Mask(r.IdNumber ?? ""),
            r.g.Items.Length == 0 ? [] : r.g.Items.Split(','), r.g.ValidUntilUtc, r.g.RevokedAtUtc, r.g.IsActive(now)))];
    }
}

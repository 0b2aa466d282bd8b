using System.Security.Claims;
using OpenIddict.Abstractions;
using Yiwang.Modules.Identity.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Yiwang.Modules.Identity;

/// <summary>The claims an account carries, in the session cookie and in access tokens alike.</summary>
internal static class Principals
{
    public const string KindClaim = "yiwang:kind";
    public const string TrustClaim = "yiwang:trust";
    public const string DepartmentClaim = "yiwang:dept";
    public const string RegionClaim = "yiwang:region";
    public const string ScopeClaim = "yiwang:data_scope";

    public static ClaimsIdentity For(Account account, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, account.Name)
            .SetClaim(KindClaim, account.Kind.ToString())
            .SetClaim(TrustClaim, account.TrustLevel.ToString());
        if (account.Kind == AccountKind.Staff)
        {
            identity.SetClaim(DepartmentClaim, account.DepartmentCode)
                .SetClaim(RegionClaim, account.RegionCode)
                .SetClaim(ScopeClaim, account.Scope.ToString())
                .SetClaims(Claims.Role, [.. account.RoleList]);
        }

        return identity;
    }

    /// <summary>The account id of a signed-in person, or null for machine clients and anonymous callers.</summary>
    public static Guid? AccountId(ClaimsPrincipal user) =>
        user.GetClaim(KindClaim) is not null && Guid.TryParse(user.GetClaim(Claims.Subject), out var id) ? id : null;
}

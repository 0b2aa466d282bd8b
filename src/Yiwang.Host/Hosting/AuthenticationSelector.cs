using Yiwang.Modules.Identity;

namespace Yiwang.Host.Hosting;

/// <summary>
/// Picks the scheme for a request: a JWT bearer token is an access token of our OpenID Connect provider; any other
/// bearer token is the operator token; without one, the browser session cookie.
/// </summary>
internal static class AuthenticationSelector
{
    public const string SchemeName = "yiwang";

    public static string Select(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header.Count(c => c == '.') == 2 ? IdentityModule.BearerScheme : OperatorTokenAuthentication.SchemeName;
        }

        return IdentityModule.CookieScheme;
    }
}

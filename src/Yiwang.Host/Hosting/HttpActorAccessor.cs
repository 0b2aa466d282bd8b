using System.Security.Claims;
using Yiwang.Kernel.Auditing;

namespace Yiwang.Host.Hosting;

/// <summary>The actor of an HTTP request (signed-in principal, address, user agent), or of the CLI process.</summary>
internal sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
    public Actor Current
    {
        get
        {
            if (http.HttpContext is not { } context)
            {
                return new Actor($"cli:{Environment.UserName}", Environment.UserName);
            }

            var user = context.User;
            var id = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
            var name = user.FindFirstValue("name") ?? user.Identity?.Name ?? id;
            return new Actor(id, name, context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
        }
    }
}

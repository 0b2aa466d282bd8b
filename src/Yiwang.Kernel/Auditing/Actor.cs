namespace Yiwang.Kernel.Auditing;

/// <summary>Who is acting, and from where: the "who" and "from where" of every audit record.</summary>
/// <param name="Id">Stable id of the acting principal (user id, client id, <c>cli:NAME</c> or <c>system</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="IpAddress">Remote address, when the action came over the network.</param>
/// <param name="UserAgent">User agent, when the action came over HTTP.</param>
public sealed record Actor(string Id, string Name, string? IpAddress = null, string? UserAgent = null)
{
    /// <summary>The platform itself (start-up seeding, scheduled jobs).</summary>
    public static Actor System { get; } = new("system", "system");
}

/// <summary>Gives the acting principal of the current operation (an HTTP request, a CLI command, a job).</summary>
public interface IActorAccessor
{
    /// <summary>The current actor; <see cref="Actor.System"/> when there is none.</summary>
    Actor Current { get; }
}

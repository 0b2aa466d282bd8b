using System.Net;
using System.Net.Sockets;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// Where the hub may call a provider's API (防止服务端请求伪造, SSRF): a data admin names the URL, so without limits a
/// hostile or careless one could make the hub read its own admin endpoints, the host's other services or a cloud
/// metadata address and hand the answer to a consumer. The host must be one the operator lists in
/// <c>Sharing:UpstreamHosts</c> (when the list is set), and the address it resolves to, checked at connect time so
/// that DNS cannot swap it, must not be loopback, link-local (169.254.0.0/16 holds cloud metadata), unspecified,
/// multicast or broadcast. Private ranges stay allowed: department systems live on the government extranet (政务外网).
/// </summary>
internal static class UpstreamPolicy
{
    /// <summary>Whether the operator's host list admits the URL's host: empty admits any; <c>.example.gov.cn</c> admits the domain and its subdomains.</summary>
    public static bool HostAllowed(Uri url, IReadOnlyCollection<string> hosts) =>
        hosts.Count == 0 || hosts.Any(allowed => allowed.StartsWith('.')
            ? url.IdnHost.EndsWith(allowed, StringComparison.OrdinalIgnoreCase) || url.IdnHost.Equals(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : url.IdnHost.Equals(allowed, StringComparison.OrdinalIgnoreCase));

    /// <summary>An address the hub never connects to for a provider (unless the operator allows loopback for a development set-up).</summary>
    public static bool Forbidden(IPAddress address, bool loopbackAllowed = false)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return !loopbackAllowed;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0 || (b[0] == 169 && b[1] == 254) || b[0] >= 224; // this network, link-local, multicast and reserved, broadcast
        }

        return address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast;
    }

    /// <summary>The connect step of the hub's HTTP client: resolves the host and connects only to an address that is not forbidden.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool loopbackAllowed, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => !Forbidden(a, loopbackAllowed)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"The provider's host {context.DnsEndPoint.Host} resolves only to addresses the hub does not call.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

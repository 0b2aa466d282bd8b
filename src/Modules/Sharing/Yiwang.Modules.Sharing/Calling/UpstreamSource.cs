using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// Reads records from a provider's own HTTP API (接口挂接): <c>GET {url}?field=value…</c> answering a JSON array of objects
/// keyed by item name. Only the resource's items are kept; anything else in the answer is dropped.
/// </summary>
internal sealed class UpstreamSource(IHttpClientFactory clients, IOptions<SharingOptions> options)
{
    public const string ClientName = "sharing-upstream";

    /// <summary>The records, or null when the provider did not answer in time or answered something else than a JSON array.</summary>
    public async Task<List<Dictionary<string, string?>>?> FetchAsync(DataResource resource, IReadOnlyDictionary<string, string> filters, int max, CancellationToken ct)
    {
        if (!UpstreamPolicy.HostAllowed(new Uri(resource.SourceUrl!), options.Value.UpstreamHosts))
        {
            return null; // the operator took the host off the list after the resource was published
        }

        var query = string.Join('&', filters.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var url = resource.SourceUrl + (resource.SourceUrl!.Contains('?') ? "&" : "?") + query;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.UpstreamTimeoutSeconds));
        try
        {
            var rows = await clients.CreateClient(ClientName).GetFromJsonAsync<List<Dictionary<string, JsonElement>>>(url, timeout.Token);
            return rows?.Take(max + 1).Select(row => row.Where(p => resource.Item(p.Key) is not null)
                .ToDictionary(p => p.Key, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                })).Where(row => filters.All(f => row.GetValueOrDefault(f.Key) == f.Value)).ToList();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException or NotSupportedException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}

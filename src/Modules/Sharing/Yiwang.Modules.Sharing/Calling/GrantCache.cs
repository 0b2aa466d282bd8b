using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// What a lookup needs to know before it reads data, kept for <c>Sharing:GrantCacheSeconds</c> (5) per resource and
/// system: the resource and the system's newest grant. Reading both from the database (and parsing the item list)
/// cost more than the lookup itself. This node forgets everything at once whenever it changes a resource or a
/// grant; another node's change (a revocation, say) reaches this node within the cache time. Expiry by date is
/// always exact, because it is checked on every call against the clock.
/// </summary>
internal sealed class GrantCache(IOptions<SharingOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Resource, string Client), Entry> _entries = new();

    public sealed record Entry(DataResource? Resource, AccessRequest? Grant, long LoadedAt);

    public async Task<Entry> GetAsync(SharingDbContext db, string code, string clientId, CancellationToken ct)
    {
        var ttl = options.Value.GrantCacheSeconds;
        var now = clock.GetTimestamp();
        if (ttl > 0 && _entries.TryGetValue((code, clientId), out var cached) && clock.GetElapsedTime(cached.LoadedAt, now).TotalSeconds < ttl)
        {
            return cached;
        }

        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        var grant = resource is null ? null : await db.Requests.AsNoTracking()
            .Where(r => r.ResourceId == resource.Id && r.ClientId == clientId && (r.State == RequestState.Granted || r.State == RequestState.Revoked))
            .OrderByDescending(r => r.DecidedAtUtc).FirstOrDefaultAsync(ct);
        var entry = new Entry(resource, grant, now);
        if (ttl > 0 && _entries.Count < 100_000)
        {
            _entries[(code, clientId)] = entry;
        }

        return entry;
    }

    /// <summary>Forgets everything (called after any change to a resource or a grant on this node).</summary>
    public void Clear() => _entries.Clear();
}

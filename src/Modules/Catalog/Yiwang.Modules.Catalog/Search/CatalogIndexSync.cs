using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Search;

/// <summary>
/// Builds the index at start-up, then follows changes made by any node by polling items updated since the last
/// look. The local node also pushes its own publishes straight in (<see cref="ReindexAsync"/>), so readers see them at once.
/// </summary>
internal sealed partial class CatalogIndexSync(IServiceScopeFactory scopes, CatalogSearchIndex index, TimeProvider clock, ILogger<CatalogIndexSync> logger) : BackgroundService
{
    private const int BatchSize = 2000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);
    private readonly Lock _startLock = new();
    private DateTime _watermark = DateTime.MinValue;
    private Task? _build;

    /// <summary>Starts the initial build in the background (once); called as soon as the schema is migrated.</summary>
    public Task StartBuild(CancellationToken ct)
    {
        if (index.Mode == SearchIndexMode.Offline)
        {
            index.MarkReady();
            return Task.CompletedTask;
        }

        lock (_startLock)
        {
            return _build ??= Task.Run(async () =>
            {
                var started = clock.GetTimestamp();
                await RebuildAsync(ct);
                index.MarkReady();
                LogBuilt(logger, index.Count, clock.GetElapsedTime(started).TotalMilliseconds);
            }, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await StartBuild(stoppingToken);

        using var timer = new PeriodicTimer(PollInterval, clock);
        do
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSyncFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Makes the index usable: a full rebuild when it is empty, of another format, or disagrees with the database on
    /// how many items are published. A committed index that agrees is used as it is; the changes since its watermark
    /// follow within one poll, the same freshness every node has for changes made on other nodes.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var reference = scope.ServiceProvider.GetRequiredService<IReferenceApi>();
        var published = await db.Items.CountAsync(i => i.PublishedVersion != null, ct);
        if (index.Watermark is { } mark)
        {
            _watermark = mark;
            if (index.Count == published)
            {
                return;
            }

            index.Clear();
        }

        var highest = DateTime.MinValue;
        for (var skip = 0; ; skip += BatchSize)
        {
            var items = await db.Items.AsNoTracking().Where(i => i.PublishedVersion != null)
                .OrderBy(i => i.Id).Skip(skip).Take(BatchSize).ToListAsync(ct);
            if (items.Count == 0)
            {
                break;
            }

            index.Upsert(await LoadAsync(db, reference, items, ct));
            highest = new[] { highest, items.Max(i => i.UpdatedAtUtc) }.Max();
        }

        _watermark = highest;
        index.Commit(highest);
    }

    /// <summary>Re-reads the given items and updates the index (removing those with no published version).</summary>
    public static async Task ReindexAsync(CatalogDbContext db, IReferenceApi reference, CatalogSearchIndex index, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        foreach (var chunk in codes.Chunk(500))
        {
            var items = await db.Items.AsNoTracking().Where(i => chunk.Contains(i.Code)).ToListAsync(ct);
            index.Upsert(await LoadAsync(db, reference, items.Where(i => i.PublishedVersion != null).ToList(), ct));
            index.Remove(items.Where(i => i.PublishedVersion == null).Select(i => i.Code));
        }
    }

    private async Task CatchUpAsync(CancellationToken ct)
    {
        if (index.Mode == SearchIndexMode.Offline)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        // Look back a little: clocks of different nodes and commit order can differ by a moment.
        var since = _watermark == DateTime.MinValue ? _watermark : _watermark.AddSeconds(-30);
        var changed = await db.Items.AsNoTracking().Where(i => i.UpdatedAtUtc > since).Select(i => new { i.Code, i.UpdatedAtUtc }).ToListAsync(ct);
        if (changed.Count == 0)
        {
            return;
        }

        await ReindexAsync(db, scope.ServiceProvider.GetRequiredService<IReferenceApi>(), index, [.. changed.Select(c => c.Code)], ct);
        _watermark = changed.Max(c => c.UpdatedAtUtc);
        index.Commit(_watermark);
    }

    private static async Task<List<IndexedItem>> LoadAsync(CatalogDbContext db, IReferenceApi reference, List<ServiceItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var versions = await db.Versions.AsNoTracking().Where(v => ids.Contains(v.ItemId) && v.State == VersionState.Published).ToDictionaryAsync(v => v.ItemId, ct);
        return [.. items.Where(i => versions.ContainsKey(i.Id))
            .Select(i => new IndexedItem(i, versions[i.Id], i.RegionCode is null ? null : reference.FindRegion(i.RegionCode)))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue search index built: {Count} items in {Milliseconds:F0} ms")]
    private static partial void LogBuilt(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue index catch-up failed; will retry")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}

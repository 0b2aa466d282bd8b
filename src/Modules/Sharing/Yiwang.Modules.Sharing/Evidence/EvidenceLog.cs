using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>What a call leaves in the evidence log; <see cref="GrantId"/> and <see cref="Quota"/> let the log count it against the grant.</summary>
internal sealed record EvidenceEntry(
    string ClientId, string ConsumerDepartmentCode, string ProviderDepartmentCode, string ResourceCode, string Items, string Purpose,
    string? CaseRef, IReadOnlyList<string> Subjects, string Outcome, int ResultCount, Guid? GrantId = null, int Quota = 0);

/// <summary>Where an entry landed: its sequence number, and whether it fitted in the grant's daily quota.</summary>
internal readonly record struct Appended(long Seq, bool WithinQuota);

/// <summary>
/// The evidence log writer with group commit (组提交): callers queue their entries and wait; one writer takes everything
/// queued (up to <see cref="MaxBatch"/>), locks the chain head, counts the entries against their grants' daily quotas,
/// chains and inserts them and commits once, then answers every caller. A caller is answered only after its entry is
/// durable, so the data it carries leaves the hub after its evidence does; when the commit fails, every caller of the
/// batch gets the exception and serves nothing (fail closed). On PostgreSQL the head row is locked (FOR UPDATE), so
/// several nodes append to one chain in turn.
/// </summary>
internal sealed class EvidenceLog(IServiceScopeFactory scopes, DatabaseSettings database, TimeProvider clock) : BackgroundService
{
    public const int MaxBatch = 4096;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(EvidenceEntry Entry, TaskCompletionSource<Appended> Done);

    /// <summary>Appends the entry and returns once it is committed; throws when it cannot be written.</summary>
    public Task<Appended> AppendAsync(EvidenceEntry entry)
    {
        var done = new TaskCompletionSource<Appended>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(entry, done)))
        {
            done.SetException(new InvalidOperationException("The evidence log is shut down."));
        }

        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    var results = await WriteAsync(batch, stoppingToken);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Done.TrySetResult(results[i]);
                    }
                }
                catch (Exception e)
                {
                    foreach (var pending in batch)
                    {
                        pending.Done.TrySetException(e);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(new InvalidOperationException("The evidence log is shut down."));
            }
        }
    }

    private async Task<Appended[]> WriteAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The head row comes with the migration; locking it orders the writers of every node.
        var head = database.Provider == DatabaseProvider.Postgres
            ? await db.Heads.FromSqlRaw("SELECT * FROM sharing_chain_head WHERE id = 1 FOR UPDATE").AsNoTracking().SingleAsync(ct)
            : await db.Heads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);

        var now = EvidenceChain.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var day = now.AddHours(8).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var grants = batch.Where(p => p.Entry is { GrantId: not null, Quota: > 0, Outcome: "ok" }).Select(p => p.Entry.GrantId!.Value).Distinct().ToList();
        var usage = grants.Count == 0 ? [] : await db.Usage.Where(u => grants.Contains(u.GrantId) && u.Day == day).ToDictionaryAsync(u => u.GrantId, ct);

        var results = new Appended[batch.Count];
        var records = new List<EvidenceRecord>(batch.Count);
        var subjects = new List<EvidenceSubject>();
        var seq = head.LastSeq;
        var hash = head.LastHash;
        for (var i = 0; i < batch.Count; i++)
        {
            var entry = batch[i].Entry;
            var within = true;
            if (entry is { GrantId: { } grant, Quota: > 0, Outcome: "ok" })
            {
                if (!usage.TryGetValue(grant, out var used))
                {
                    used = new GrantUsage { GrantId = grant, Day = day };
                    usage[grant] = used;
                    db.Usage.Add(used);
                }

                within = used.Calls < entry.Quota;
                if (within)
                {
                    used.Calls++;
                }
            }

            var record = new EvidenceRecord
            {
                Seq = ++seq, AtUtc = now, ClientId = entry.ClientId, ConsumerDepartmentCode = entry.ConsumerDepartmentCode,
                ProviderDepartmentCode = entry.ProviderDepartmentCode, ResourceCode = entry.ResourceCode, Items = entry.Items, Purpose = entry.Purpose,
                CaseRef = entry.CaseRef, Subjects = within ? string.Join(' ', entry.Subjects) : "",
                Outcome = within ? entry.Outcome : SharingErrors.QuotaExceeded.Code, ResultCount = within ? entry.ResultCount : 0,
            };
            record.Hash = hash = EvidenceChain.Hash(hash, record);
            records.Add(record);
            if (within)
            {
                subjects.AddRange(entry.Subjects.Distinct().Select(subject => new EvidenceSubject { Digest = subject, Seq = record.Seq }));
            }

            results[i] = new Appended(record.Seq, within);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct); // the quota counters
        await EvidenceInserts.WriteAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), records, subjects, new ChainHead { Id = 1, LastSeq = seq, LastHash = hash }, ct);
        await transaction.CommitAsync(ct);
        return results;
    }
}

using System.Diagnostics;
using System.Threading.Channels;
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
/// batch gets the exception and serves nothing (fail closed). <see cref="EvidenceWriter"/> does the database work.
/// On SQLite in its durable mode a second thread syncs the log after each commit (<see cref="SqliteLogSync"/>) and
/// answers the callers then, while the writer goes on with the next batch.
/// </summary>
internal sealed class EvidenceLog(EvidenceStore store, EvidenceMetrics metrics, TimeProvider clock) : BackgroundService
{
    private readonly DatabaseSettings _database = store.Database;

    public const int MaxBatch = 4096;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<Committed> _committed = Channel.CreateUnbounded<Committed>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private sealed record Pending(LogSlot Slot, TaskCompletionSource<Appended> Done);

    /// <summary>A committed batch waiting for its sync; <paramref name="Fresh"/> when the writer's connection was new (the log may be a new file).</summary>
    private sealed record Committed(TaskCompletionSource<Appended>[] Waiting, Appended[] Results, bool Fresh);

    /// <summary>Appends the entry and returns once it is committed; throws when it cannot be written.</summary>
    public Task<Appended> AppendAsync(EvidenceEntry entry) => Enqueue(new LogSlot(entry, null));

    /// <summary>
    /// Whether the log can read a lookup's records in its own transaction (<see cref="AppendAfterReadAsync"/>): on
    /// PostgreSQL, where the log and the records are in one database. On SQLite the log is a file of its own.
    /// </summary>
    public bool ReadsRecords => _database.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Reads the lookup's records in the transaction of the batch that logs it, appends the entry the lookup makes of
    /// them, and returns once that is committed; throws when it cannot be written. One round trip then carries the
    /// batch's reads with the chain head and quota counts, instead of one more of its own (PostgreSQL only).
    /// </summary>
    public Task<Appended> AppendAfterReadAsync(ReadThenLog read)
    {
        if (!ReadsRecords)
        {
            throw new InvalidOperationException("The evidence log reads records only on PostgreSQL.");
        }

        return Enqueue(new LogSlot(null, read));
    }

    private Task<Appended> Enqueue(LogSlot slot)
    {
        var done = new TaskCompletionSource<Appended>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(slot, done)))
        {
            done.SetException(new InvalidOperationException("The evidence log is shut down."));
        }

        return done.Task;
    }

    /// <summary>
    /// The writer (and the syncer) run on threads of their own: SQLite does its reads, writes and syncs synchronously,
    /// and a thread-pool thread held through each commit left the request handlers of a two-core node one thread short.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deferred = _database.CanDefer();
        var writer = Task.Factory.StartNew(() => Write(deferred, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return deferred
            ? Task.WhenAll(writer, Task.Factory.StartNew(Sync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            : writer;
    }

    private void Write(bool deferred, CancellationToken stoppingToken)
    {
        var entries = new List<LogSlot>(MaxBatch);
        var waiting = new List<TaskCompletionSource<Appended>>(MaxBatch);
        using var writer = new EvidenceWriter(_database);
        try
        {
            while (_queue.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                entries.Clear();
                waiting.Clear();
                while (entries.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    entries.Add(next.Slot);
                    waiting.Add(next.Done);
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    var results = writer.WriteAsync(entries, EvidenceChain.ToMicroseconds(clock.GetUtcNow().UtcDateTime), stoppingToken).GetAwaiter().GetResult();
                    metrics.Committed(entries.Count, Stopwatch.GetElapsedTime(started));
                    if (deferred)
                    {
                        _committed.Writer.TryWrite(new Committed([.. waiting], results, writer.TakeFresh()));
                    }
                    else
                    {
                        Answer(waiting, results);
                    }
                }
                catch (Exception e)
                {
                    metrics.Failed();
                    Fail(waiting, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            _committed.Writer.TryComplete(); // the syncer syncs and answers what is committed, then stops
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(new InvalidOperationException("The evidence log is shut down."));
            }
        }
    }

    /// <summary>Syncs the log once for every batch committed since the last sync, then answers their callers.</summary>
    private void Sync()
    {
        var log = _database.LogPath();
        var batches = new List<Committed>();
        var nameDue = false; // until a sync of the log's directory succeeds after the writer opened a connection
        while (_committed.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batches.Clear();
            while (_committed.Reader.TryRead(out var batch))
            {
                batches.Add(batch);
                nameDue |= batch.Fresh;
            }

            try
            {
                SqliteLogSync.SyncLog(log, andItsName: nameDue);
                nameDue = false;
                foreach (var batch in batches)
                {
                    Answer(batch.Waiting, batch.Results);
                }
            }
            catch (Exception e)
            {
                // Committed but not known to be durable: the callers serve nothing (the log then holds calls that
                // answered with an error, which overstates what left the hub and never understates it).
                metrics.Failed();
                foreach (var batch in batches)
                {
                    Fail(batch.Waiting, e);
                }
            }
        }
    }

    private static void Answer(IReadOnlyList<TaskCompletionSource<Appended>> waiting, Appended[] results)
    {
        for (var i = 0; i < waiting.Count; i++)
        {
            waiting[i].TrySetResult(results[i]);
        }
    }

    private static void Fail(IEnumerable<TaskCompletionSource<Appended>> waiting, Exception e)
    {
        foreach (var done in waiting)
        {
            done.TrySetException(e);
        }
    }
}

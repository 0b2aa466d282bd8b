using Npgsql;
using Yiwang.Kernel.Persistence;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// Reads lookups' records from PostgreSQL in batches: while one batch is on its way to the server, lookups that arrive
/// queue, and the next batch takes them all in one statement (their keys as arrays, unnested, each joined laterally to
/// its records). Nothing waits on a timer: under light load a batch holds one lookup and costs what a single read
/// did; under load the round trip, the server's executor set-up and the socket wake-ups are shared by the batch.
/// A single read cost about 120 core-µs of the server's and 60 of loopback TCP per lookup, as much as the whole
/// lookup on SQLite.
/// </summary>
internal sealed class PostgresRecordBatches(DatabaseSettings database) : IDisposable
{
    /// <summary>Batches on their way at once; each has its own connection.</summary>
    internal const int InFlight = 1;

    /// <summary>The most lookups one batch takes; the rest wait for the next.</summary>
    internal const int MaxBatch = 256;

    private const string Sql = """
        SELECT q.n, found."values"
        FROM unnest(@resources::uuid[], @fields::text[], @values::text[], @takes::int[]) WITH ORDINALITY AS q(resource_id, field, value, take, n)
        CROSS JOIN LATERAL (
            SELECT r."values" FROM sharing_record_key AS k JOIN sharing_record AS r ON r.id = k.record_id
            WHERE k.resource_id = q.resource_id AND k.field = q.field AND k.value = q.value LIMIT q.take) AS found
        """;

    private readonly Lock _gate = new();
    private readonly Stack<Reading> _idle = [];
    private List<Wanted> _queue = [];
    private int _running;
    private bool _disposed;

    /// <summary>The records' values (JSON) of one lookup, in the order the server gave them.</summary>
    public Task<List<string>> ReadAsync(Guid resource, string field, string value, int take, CancellationToken ct)
    {
        var wanted = new Wanted(resource, field, value, take);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Add(wanted);
            if (_running >= InFlight)
            {
                return wanted.Done.Task.WaitAsync(ct);
            }

            _running++;
        }

        _ = RunAsync();
        return wanted.Done.Task.WaitAsync(ct);
    }

    /// <summary>Sends batches while lookups are queued; the caller that found no batch running starts it.</summary>
    private async Task RunAsync()
    {
        try
        {
            Reading? idle;
            lock (_gate)
            {
                _idle.TryPop(out idle);
            }

            var reading = idle ?? new Reading((NpgsqlConnection)await database.OpenDirectAsync(CancellationToken.None));
            while (Take(reading) is { } batch)
            {
                try
                {
                    await reading.ReadAsync(batch);
                }
                catch (Exception e)
                {
                    foreach (var wanted in batch)
                    {
                        wanted.Done.TrySetException(e);
                    }

                    reading.Dispose();
                    reading = new Reading((NpgsqlConnection)await database.OpenDirectAsync(CancellationToken.None));
                }
            }
        }
        catch (Exception e)
        {
            // No connection could be opened: fail what is queued, so that no lookup waits for ever (outside the
            // lock, since the lookups go on inline).
            List<Wanted> queued;
            lock (_gate)
            {
                _running--;
                (queued, _queue) = (_queue, []);
            }

            foreach (var wanted in queued)
            {
                wanted.Done.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// Takes the queued lookups as the next batch, or, when none are queued, ends this run and puts its connection back
    /// in the same step: a run that starts just after then finds it rather than opening another.
    /// </summary>
    private List<Wanted>? Take(Reading reading)
    {
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                _running--;
                if (_disposed)
                {
                    reading.Dispose();
                }
                else
                {
                    _idle.Push(reading);
                }

                return null;
            }

            if (_queue.Count <= MaxBatch)
            {
                var batch = _queue;
                _queue = [];
                return batch;
            }

            var first = _queue[..MaxBatch];
            _queue.RemoveRange(0, MaxBatch);
            return first;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            while (_idle.TryPop(out var reading))
            {
                reading.Dispose();
            }
        }
    }

    /// <summary>
    /// A lookup waiting for its records. The batch's runner completes it, and the lookup goes on inline on the
    /// runner's thread until it next waits (for its evidence, a few tens of µs later); the runner then completes the
    /// next lookup and takes the next batch. Handing each lookup to the thread pool instead woke a thread for each,
    /// and cost about 5 % of the throughput at 16 clients. Lookups queued meanwhile join the next batch.
    /// </summary>
    private sealed record Wanted(Guid Resource, string Field, string Value, int Take)
    {
        public TaskCompletionSource<List<string>> Done { get; } = new();
    }

    /// <summary>A connection with the batch statement on it, prepared the first time it runs.</summary>
    private sealed class Reading(NpgsqlConnection connection) : IDisposable
    {
        private readonly PreparedCommand _statement = new(connection, Sql, "@resources", "@fields", "@values", "@takes");

        public async Task ReadAsync(List<Wanted> batch)
        {
            var found = new List<string>[batch.Count];
            for (var i = 0; i < found.Length; i++)
            {
                found[i] = [];
            }

            await using (var reader = await _statement.ReaderAsync(CancellationToken.None, batch.Select(w => w.Resource).ToArray(), batch.Select(w => w.Field).ToArray(),
                batch.Select(w => w.Value).ToArray(), batch.Select(w => w.Take).ToArray()))
            {
                while (await reader.ReadAsync())
                {
                    found[reader.GetInt64(0) - 1].Add(reader.GetString(1));
                }
            }

            for (var i = 0; i < found.Length; i++)
            {
                batch[i].Done.TrySetResult(found[i]);
            }
        }

        public void Dispose() => connection.Dispose();
    }
}

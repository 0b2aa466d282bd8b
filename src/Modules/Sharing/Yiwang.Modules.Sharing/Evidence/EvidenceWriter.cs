using System.Data.Common;
using System.Globalization;
using Npgsql;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Writes one batch of the evidence log in one transaction: locks the chain head, counts the entries against their
/// grants' daily quotas, chains and inserts them (<see cref="EvidencePlan"/>), moves the head and commits: on SQLite
/// with a prepared statement for each step, on PostgreSQL in two round trips, the first also reading the records of the
/// batch's lookups (<see cref="PostgresEvidenceBatch"/>). The subject index is written behind the log, by
/// <see cref="SubjectIndexer"/>. It keeps its own connection open with its statements prepared, because renting a
/// pooled connection, going through EF Core and parsing the same SQL again for every batch cost more than the database
/// work. A batch that fails closes the connection; the next one opens a fresh one.
/// </summary>
internal sealed class EvidenceWriter(DatabaseSettings database) : IAsyncDisposable, IDisposable
{
    /// <summary>The columns of a record in <c>sharing_evidence</c>, in the order this writer and the store upgrade copy them.</summary>
    internal const string Columns = "seq, at_utc, client_id, consumer_department_code, provider_department_code, resource_code, items, purpose, case_ref, subjects, outcome, result_count, hash";

    private DbConnection? _connection;
    private bool _fresh;
    private SqliteStatements? _sqlite;
    private PostgresEvidenceBatch? _postgres;

    /// <summary>
    /// Appends the entries at <paramref name="now"/> and returns where each landed; throws when nothing was written. On
    /// SQLite in its durable mode the commit is not yet synced: the caller syncs the log before it answers anyone.
    /// </summary>
    public Task<Appended[]> WriteAsync(IReadOnlyList<EvidenceEntry> batch, DateTime now, CancellationToken ct) =>
        WriteAsync(batch.Select(e => new LogSlot(e, null)).ToList(), now, ct);

    /// <summary>
    /// Appends the batch's entries, reading first the records of its lookups that wait for them (PostgreSQL only, see
    /// <see cref="ReadThenLog"/>), and returns where each landed; throws when nothing was written.
    /// </summary>
    public async Task<Appended[]> WriteAsync(IReadOnlyList<LogSlot> batch, DateTime now, CancellationToken ct)
    {
        try
        {
            return await WriteOnceAsync(batch, now, ct);
        }
        catch
        {
            await DisposeAsync(); // the connection may be broken or in an unknown state
            throw;
        }
    }

    private async Task<Appended[]> WriteOnceAsync(IReadOnlyList<LogSlot> batch, DateTime now, CancellationToken ct)
    {
        if (_connection is null)
        {
            _connection = await database.OpenDirectAsync(ct);
            _fresh = true;
            if (_connection is NpgsqlConnection postgres)
            {
                _postgres = new PostgresEvidenceBatch(postgres);
            }
            else
            {
                if (database.CanDefer())
                {
                    SqliteLogSync.DeferSyncs(_connection); // EvidenceLog syncs the log after the commit, outside the write lock
                }

                _sqlite = new SqliteStatements(_connection, database);
            }
        }

        if (_postgres is not null)
        {
            return await _postgres.WriteAsync(batch, now, ct);
        }

        if (batch.Any(s => s.Entry is null))
        {
            throw new InvalidOperationException("The evidence log reads records only on PostgreSQL.");
        }

        return await WriteSqliteAsync(_connection, _sqlite!, [.. batch.Select(s => s.Entry!)], now, ct);
    }

    private static async Task<Appended[]> WriteSqliteAsync(DbConnection connection, SqliteStatements sql, IReadOnlyList<EvidenceEntry> batch, DateTime now, CancellationToken ct)
    {
        // BEGIN IMMEDIATE, so the write lock is taken before the head is read.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        sql.Use(transaction);
        var (seq, hash) = await sql.HeadAsync(ct);
        var day = EvidencePlan.QuotaDay(now);
        var calls = new Dictionary<Guid, int>();
        foreach (var grant in EvidencePlan.QuotaGrants(batch))
        {
            calls[grant] = await sql.UsageAsync(grant, day, ct);
        }

        var plan = EvidencePlan.Make(batch, seq, hash, now, calls);
        foreach (var (grant, used) in plan.Usage)
        {
            await sql.SetUsageAsync(grant, day, used, ct);
        }

        foreach (var record in plan.Records)
        {
            await sql.InsertAsync(record, ct);
        }

        await sql.MoveHeadAsync(plan.LastSeq, plan.LastHash, ct);
        await transaction.CommitAsync(ct);
        return plan.Results;
    }

    /// <summary>
    /// Whether the writer has opened a connection since the last time it was asked: on SQLite the write-ahead log may
    /// then be a new file, whose name the next sync must make durable too (<see cref="SqliteLogSync.SyncLog"/>).
    /// </summary>
    public bool TakeFresh()
    {
        var fresh = _fresh;
        _fresh = false;
        return fresh;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        (_sqlite, _postgres) = (null, null);
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>The writer's SQLite statements, prepared on first use and kept with the connection.</summary>
    private sealed class SqliteStatements(DbConnection connection, DatabaseSettings database)
    {
        private readonly PreparedCommand _head = new(connection, "SELECT last_seq, last_hash FROM sharing_chain_head WHERE id = 1");
        private readonly PreparedCommand _usage = new(connection, "SELECT calls FROM sharing_usage WHERE grant_id = @grant AND day = @day", "@grant", "@day");
        private readonly PreparedCommand _setUsage = new(connection,
            "INSERT INTO sharing_usage (grant_id, day, calls) VALUES (@grant, @day, @calls) ON CONFLICT (grant_id, day) DO UPDATE SET calls = excluded.calls",
            "@grant", "@day", "@calls");
        private readonly PreparedCommand _moveHead = new(connection, "UPDATE sharing_chain_head SET last_seq = @seq, last_hash = @hash WHERE id = 1", "@seq", "@hash");
        private readonly PreparedCommand _insert = new(connection,
            $"INSERT INTO sharing_evidence ({Columns}) VALUES (@seq, @at, @client, @consumer, @provider, @resource, @items, @purpose, @case, @subjects, @outcome, @count, @hash)",
            "@seq", "@at", "@client", "@consumer", "@provider", "@resource", "@items", "@purpose", "@case", "@subjects", "@outcome", "@count", "@hash");

        public void Use(DbTransaction transaction)
        {
            foreach (var statement in new[] { _head, _usage, _setUsage, _moveHead, _insert })
            {
                statement.Use(transaction);
            }
        }

        public async Task<(long Seq, string Hash)> HeadAsync(CancellationToken ct)
        {
            await using var reader = await _head.ReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("The evidence chain head is missing.");
            }

            return (reader.GetInt64(0), reader.GetString(1));
        }

        public async Task<int> UsageAsync(Guid grant, string day, CancellationToken ct) =>
            await _usage.ScalarAsync(ct, database.Key(grant), day) is { } calls and not DBNull ? Convert.ToInt32(calls, CultureInfo.InvariantCulture) : 0;

        public Task SetUsageAsync(Guid grant, string day, int calls, CancellationToken ct) => _setUsage.RunAsync(ct, database.Key(grant), day, calls);

        public async Task MoveHeadAsync(long seq, string hash, CancellationToken ct)
        {
            if (await _moveHead.RunAsync(ct, seq, hash) != 1)
            {
                throw new InvalidOperationException("The evidence chain head is missing.");
            }
        }

        public Task InsertAsync(EvidenceRecord r, CancellationToken ct) =>
            _insert.RunAsync(ct, r.Seq, r.AtUtc, r.ClientId, r.ConsumerDepartmentCode, r.ProviderDepartmentCode, r.ResourceCode, r.Items, r.Purpose,
                (object?)r.CaseRef ?? DBNull.Value, r.Subjects, r.Outcome, r.ResultCount, r.Hash);
    }
}

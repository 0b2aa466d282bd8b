using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Writes one batch of the evidence log in one transaction: locks the chain head, counts the entries against their
/// grants' daily quotas, chains and inserts them (binary COPY on PostgreSQL, a prepared insert per row on SQLite),
/// moves the head and commits. The subject index is written behind the log, by <see cref="SubjectIndexer"/>. It keeps
/// its own connection open with its statements prepared, because renting a pooled connection, going through EF Core and
/// parsing the same SQL again for every batch cost more than the database work. A batch that fails closes the
/// connection; the next one opens a fresh one.
/// </summary>
internal sealed class EvidenceWriter(DatabaseSettings database) : IAsyncDisposable, IDisposable
{
    /// <summary>The columns of a record in <c>sharing_evidence</c>, in the order this writer and the store upgrade copy them.</summary>
    internal const string Columns = "seq, at_utc, client_id, consumer_department_code, provider_department_code, resource_code, items, purpose, case_ref, subjects, outcome, result_count, hash";

    private DbConnection? _connection;
    private Statements? _sql;

    /// <summary>
    /// Appends the entries at <paramref name="now"/> and returns where each landed; throws when nothing was written. On
    /// SQLite in its durable mode the commit is not yet synced: the caller syncs the log before it answers anyone.
    /// </summary>
    public async Task<Appended[]> WriteAsync(IReadOnlyList<EvidenceEntry> batch, DateTime now, CancellationToken ct)
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

    private async Task<Appended[]> WriteOnceAsync(IReadOnlyList<EvidenceEntry> batch, DateTime now, CancellationToken ct)
    {
        if (_connection is null || _sql is null)
        {
            _connection = await database.OpenDirectAsync(ct);
            if (database.CanDefer())
            {
                SqliteLogSync.DeferSyncs(_connection); // EvidenceLog syncs the log after the commit, outside the write lock
            }

            _sql = new Statements(_connection, database);
        }

        var sql = _sql;
        // SQLite: BEGIN IMMEDIATE, so the write lock is taken before the head is read.
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        sql.Use(transaction);
        var (seq, hash) = await sql.HeadAsync(ct);

        var day = now.AddHours(8).ToString("yyyyMMdd", CultureInfo.InvariantCulture); // the quota day is Beijing's
        var usage = new Dictionary<Guid, int>();
        var results = new Appended[batch.Count];
        var records = new List<EvidenceRecord>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var entry = batch[i];
            var within = true;
            if (entry is { GrantId: { } grant, Quota: > 0, Outcome: "ok" })
            {
                if (!usage.TryGetValue(grant, out var calls))
                {
                    calls = await sql.UsageAsync(grant, day, ct);
                }

                within = calls < entry.Quota;
                usage[grant] = within ? calls + 1 : calls;
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
            results[i] = new Appended(record.Seq, within);
        }

        foreach (var (grant, calls) in usage)
        {
            await sql.SetUsageAsync(grant, day, calls, ct);
        }

        await sql.InsertAsync(records, ct);
        await sql.MoveHeadAsync(seq, hash, ct);
        await transaction.CommitAsync(ct);
        return results;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        _sql = null;
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>The writer's statements, prepared on first use and kept with the connection.</summary>
    private sealed class Statements
    {
        private readonly DatabaseSettings _database;
        private readonly PreparedCommand _head;
        private readonly PreparedCommand _usage;
        private readonly PreparedCommand _setUsage;
        private readonly PreparedCommand _moveHead;
        private readonly PreparedCommand? _insert;
        private readonly NpgsqlConnection? _postgres;

        public Statements(DbConnection connection, DatabaseSettings database)
        {
            _database = database;
            var postgres = database.Provider == DatabaseProvider.Postgres;
            // The head row comes with the migration; locking it orders the writers of every node (SQLite has one writer).
            _head = new(connection, "SELECT last_seq, last_hash FROM sharing_chain_head WHERE id = 1" + (postgres ? " FOR UPDATE" : ""));
            _usage = new(connection, "SELECT calls FROM sharing_usage WHERE grant_id = @grant AND day = @day", "@grant", "@day");
            _setUsage = new(connection, "INSERT INTO sharing_usage (grant_id, day, calls) VALUES (@grant, @day, @calls) ON CONFLICT (grant_id, day) DO UPDATE SET calls = excluded.calls",
                "@grant", "@day", "@calls");
            _moveHead = new(connection, "UPDATE sharing_chain_head SET last_seq = @seq, last_hash = @hash WHERE id = 1", "@seq", "@hash");
            if (postgres)
            {
                _postgres = (NpgsqlConnection)connection;
            }
            else
            {
                _insert = new(connection, $"INSERT INTO sharing_evidence ({Columns}) VALUES (@seq, @at, @client, @consumer, @provider, @resource, @items, @purpose, @case, @subjects, @outcome, @count, @hash)",
                    "@seq", "@at", "@client", "@consumer", "@provider", "@resource", "@items", "@purpose", "@case", "@subjects", "@outcome", "@count", "@hash");
            }
        }

        public void Use(DbTransaction transaction)
        {
            foreach (var statement in new[] { _head, _usage, _setUsage, _moveHead, _insert })
            {
                statement?.Use(transaction);
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
            await _usage.ScalarAsync(ct, _database.Key(grant), day) is { } calls and not DBNull ? Convert.ToInt32(calls, CultureInfo.InvariantCulture) : 0;

        public Task SetUsageAsync(Guid grant, string day, int calls, CancellationToken ct) => _setUsage.RunAsync(ct, _database.Key(grant), day, calls);

        public async Task MoveHeadAsync(long seq, string hash, CancellationToken ct)
        {
            if (await _moveHead.RunAsync(ct, seq, hash) != 1)
            {
                throw new InvalidOperationException("The evidence chain head is missing.");
            }
        }

        public async Task InsertAsync(List<EvidenceRecord> records, CancellationToken ct)
        {
            if (_postgres is not null)
            {
                await CopyAsync(_postgres, records, ct);
                return;
            }

            foreach (var r in records)
            {
                await _insert!.RunAsync(ct, r.Seq, r.AtUtc, r.ClientId, r.ConsumerDepartmentCode, r.ProviderDepartmentCode, r.ResourceCode, r.Items, r.Purpose,
                    (object?)r.CaseRef ?? DBNull.Value, r.Subjects, r.Outcome, r.ResultCount, r.Hash);
            }
        }

        private static async Task CopyAsync(NpgsqlConnection connection, List<EvidenceRecord> records, CancellationToken ct)
        {
            await using var copy = await connection.BeginBinaryImportAsync($"COPY sharing_evidence ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var r in records)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Seq, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(r.AtUtc, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(r.ClientId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.ConsumerDepartmentCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.ProviderDepartmentCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.ResourceCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Items, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Purpose, NpgsqlDbType.Varchar, ct);
                if (r.CaseRef is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(r.CaseRef, NpgsqlDbType.Varchar, ct);
                }

                await copy.WriteAsync(r.Subjects, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Outcome, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.ResultCount, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Hash, NpgsqlDbType.Varchar, ct);
            }

            await copy.CompleteAsync(ct);
        }
    }
}

using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Writes the subject index (数据使用记录的索引) behind the evidence log, every <c>Sharing:SubjectIndexSeconds</c> (2):
/// it reads the records after the mark, sorts their subjects by digest and inserts them, and moves the mark in the same
/// commit, so a pass is safe to repeat. Digests are random, so an index row written with each lookup landed on a page of
/// its own in that commit; written in sorted batches, rows that share a page share one write, and the commit a caller
/// waits for carries only the log. The data-use view reads the index up to the mark and the few records after it
/// (<see cref="EvidenceReader"/>), so it never lags.
/// </summary>
internal sealed class SubjectIndexer(EvidenceStore store, ILogger<SubjectIndexer> logger) : PeriodicJob(logger)
{
    private readonly DatabaseSettings _database = store.Database;

    /// <summary>Records read per commit: enough to share pages, few enough that the log's writer never waits long for the lock.</summary>
    public const int BatchRecords = 5_000;

    /// <summary>Commits per pass at most, so that a pass over a long backlog still ends and the next one goes on.</summary>
    private const int MaxBatchesPerPass = 200;

    protected override async Task PassAsync(CancellationToken ct)
    {
        for (var batch = 0; batch < MaxBatchesPerPass && await IndexBatchAsync(ct) == BatchRecords; batch++)
        {
        }
    }

    /// <summary>Indexes the next records after the mark (at most <see cref="BatchRecords"/>) and returns how many it read.</summary>
    public async Task<int> IndexBatchAsync(CancellationToken ct)
    {
        var postgres = _database.Provider == DatabaseProvider.Postgres;
        await using var connection = await _database.OpenDirectAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct); // SQLite: BEGIN IMMEDIATE
        var mark = Convert.ToInt64(await connection.ScalarAsync(transaction, "SELECT indexed_seq FROM sharing_subject_mark WHERE id = 1" + (postgres ? " FOR UPDATE" : ""), ct)
            ?? throw new InvalidOperationException("The subject index mark is missing."));

        var rows = new List<(string Digest, long Seq)>();
        var read = 0;
        var last = mark;
        await using (var command = connection.Command(transaction, "SELECT seq, subjects FROM sharing_evidence WHERE seq > @mark ORDER BY seq LIMIT @take",
            ("@mark", mark), ("@take", BatchRecords)))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                read++;
                last = reader.GetInt64(0);
                foreach (var digest in reader.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
                {
                    rows.Add((digest, last));
                }
            }
        }

        if (read == 0)
        {
            return 0;
        }

        rows.Sort((a, b) => a.Digest == b.Digest ? a.Seq.CompareTo(b.Seq) : string.CompareOrdinal(a.Digest, b.Digest));
        await (postgres ? InsertPostgresAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, rows, ct) : InsertSqliteAsync(connection, transaction, rows, ct));
        await connection.ScalarAsync(transaction, "UPDATE sharing_subject_mark SET indexed_seq = @seq WHERE id = 1", ct, ("@seq", last));

        await transaction.CommitAsync(ct);
        return read;
    }

    // ON CONFLICT DO NOTHING: an index row that is already there (a database upgraded from when the log wrote the index
    // itself, say) is left as it is.
    private static async Task InsertSqliteAsync(DbConnection connection, DbTransaction transaction, List<(string Digest, long Seq)> rows, CancellationToken ct)
    {
        var insert = new PreparedCommand(connection, "INSERT INTO sharing_evidence_subject (digest, seq) VALUES (@digest, @seq) ON CONFLICT DO NOTHING", "@digest", "@seq");
        insert.Use(transaction);
        foreach (var (digest, seq) in rows)
        {
            await insert.RunAsync(ct, digest, seq);
        }
    }

    private static async Task InsertPostgresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<(string Digest, long Seq)> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO sharing_evidence_subject (digest, seq) SELECT * FROM unnest(@digests, @seqs) ON CONFLICT DO NOTHING", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("digests", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Digest).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Seq).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }
}

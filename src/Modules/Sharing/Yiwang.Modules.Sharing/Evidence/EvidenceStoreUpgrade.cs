using System.Data.Common;
using Microsoft.Data.Sqlite;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Moves an evidence log kept in the main SQLite file (as it was before the log had a store of its own) into
/// <see cref="EvidenceStore"/> at start-up: copies the rows, the head and the checkpoints, starts the subject index's mark
/// at the head (the index was written with every record then), and drops the old tables. The copy ignores rows already
/// there, so a start that stopped half-way is finished by the next one. A fresh install moves nothing and only drops the
/// empty tables its first migration made.
/// </summary>
internal sealed class EvidenceStoreUpgrade(DatabaseSettings main, EvidenceStore store) : IModuleInitializer
{
    private static readonly (string Table, string Columns)[] Moved =
    [
        ("sharing_evidence", EvidenceWriter.Columns),
        ("sharing_evidence_subject", "digest, seq"),
        ("sharing_checkpoint", "seq, hash, at_utc, kid, alg, signature"),
        ("sharing_usage", "grant_id, day, calls"),
    ];

    /// <summary>Before anything reads or writes the log (the subject-digest key is 500).</summary>
    public int Order => 100;

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (main.Provider != DatabaseProvider.Sqlite || store.Database.ConnectionString == main.ConnectionString)
        {
            return;
        }

        await using var connection = await main.OpenDirectAsync(ct);
        if (await connection.ScalarAsync(null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sharing_evidence'", ct) is 0L)
        {
            return;
        }

        // ATTACH cannot run inside a transaction; the connection goes back to the pool, so it is detached again below.
        await connection.ScalarAsync(null, "ATTACH DATABASE @file AS evidence", ct, ("@file", new SqliteConnectionStringBuilder(store.Database.ConnectionString).DataSource));
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var (table, columns) in Moved)
            {
                await connection.ScalarAsync(transaction, $"INSERT OR IGNORE INTO evidence.{table} ({columns}) SELECT {columns} FROM main.{table}", ct);
            }

            await connection.ScalarAsync(transaction, """
                UPDATE evidence.sharing_chain_head SET last_seq = old.last_seq, last_hash = old.last_hash
                FROM (SELECT last_seq, last_hash FROM main.sharing_chain_head WHERE id = 1) AS old
                WHERE evidence.sharing_chain_head.id = 1 AND old.last_seq > evidence.sharing_chain_head.last_seq
                """, ct);
            await connection.ScalarAsync(transaction, """
                UPDATE evidence.sharing_subject_mark SET indexed_seq = (SELECT last_seq FROM main.sharing_chain_head WHERE id = 1)
                WHERE id = 1 AND indexed_seq < (SELECT last_seq FROM main.sharing_chain_head WHERE id = 1)
                """, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await connection.ScalarAsync(null, "DETACH DATABASE evidence", CancellationToken.None);
        }

        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            foreach (var table in Moved.Select(m => m.Table).Append("sharing_chain_head"))
            {
                await connection.ScalarAsync(transaction, $"DROP TABLE IF EXISTS main.{table}", ct);
            }

            await transaction.CommitAsync(ct);
        }
    }
}

using Npgsql;
using NpgsqlTypes;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Writes one batch of the evidence log to PostgreSQL in two round trips: the first begins the transaction, locks the
/// chain head and reads the grants' calls today; the second stores the calls, inserts the records (arrays unnested in
/// one statement), moves the head and commits. The earlier form (a statement each, the records by COPY, the commit on
/// its own) took seven round trips a batch, each a wait for the network and a wake-up of the server's backend.
/// Npgsql prepares both batches after their first uses (Max Auto Prepare), so neither is parsed again.
/// </summary>
internal sealed class PostgresEvidenceBatch(NpgsqlConnection connection)
{
    // BEGIN and COMMIT go inside the batches, so the transaction is the connection's, not an NpgsqlTransaction's.
    // When a statement fails, the server skips the rest of its batch (COMMIT too) and the writer closes the
    // connection, which rolls the transaction back.
    private readonly NpgsqlBatch _read = new(connection)
    {
        BatchCommands =
        {
            new("BEGIN"),
            new("SELECT last_seq, last_hash FROM sharing_chain_head WHERE id = 1 FOR UPDATE"),
            new("SELECT grant_id, calls FROM sharing_usage WHERE day = $1 AND grant_id = ANY($2)") { Parameters = { new() { NpgsqlDbType = NpgsqlDbType.Text }, new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid } } },
        },
    };

    private readonly NpgsqlBatch _write = new(connection)
    {
        BatchCommands =
        {
            new("""
                INSERT INTO sharing_usage (grant_id, day, calls) SELECT g, $2, c FROM unnest($1::uuid[], $3::int[]) AS u(g, c)
                ON CONFLICT (grant_id, day) DO UPDATE SET calls = excluded.calls
                """)
            {
                Parameters = { new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid }, new() { NpgsqlDbType = NpgsqlDbType.Text }, new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer } },
            },
            new($"""
                INSERT INTO sharing_evidence ({EvidenceWriter.Columns})
                SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[])
                """)
            {
                Parameters =
                {
                    Array(NpgsqlDbType.Bigint), Array(NpgsqlDbType.TimestampTz), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text),
                    Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text),
                    Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Integer), Array(NpgsqlDbType.Text),
                },
            },
            new("UPDATE sharing_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1") { Parameters = { new() { NpgsqlDbType = NpgsqlDbType.Bigint }, new() { NpgsqlDbType = NpgsqlDbType.Text } } },
            new("COMMIT"),
        },
    };

    public async Task<Appended[]> WriteAsync(IReadOnlyList<EvidenceEntry> batch, DateTime now, CancellationToken ct)
    {
        var day = EvidencePlan.QuotaDay(now);
        _read.BatchCommands[2].Parameters[0].Value = day;
        _read.BatchCommands[2].Parameters[1].Value = EvidencePlan.QuotaGrants(batch);
        long seq;
        string hash;
        var calls = new Dictionary<Guid, int>();
        await using (var reader = await _read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("The evidence chain head is missing.");
            }

            (seq, hash) = (reader.GetInt64(0), reader.GetString(1));
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                calls[reader.GetGuid(0)] = reader.GetInt32(1);
            }
        }

        var plan = EvidencePlan.Make(batch, seq, hash, now, calls);
        Bind(_write.BatchCommands[0], plan.Usage.Keys.ToArray(), day, plan.Usage.Values.ToArray());
        var r = plan.Records;
        Bind(_write.BatchCommands[1], r.Select(x => x.Seq).ToArray(), r.Select(x => x.AtUtc).ToArray(), r.Select(x => x.ClientId).ToArray(),
            r.Select(x => x.ConsumerDepartmentCode).ToArray(), r.Select(x => x.ProviderDepartmentCode).ToArray(), r.Select(x => x.ResourceCode).ToArray(),
            r.Select(x => x.Items).ToArray(), r.Select(x => x.Purpose).ToArray(), r.Select(x => x.CaseRef).ToArray(), r.Select(x => x.Subjects).ToArray(),
            r.Select(x => x.Outcome).ToArray(), r.Select(x => x.ResultCount).ToArray(), r.Select(x => x.Hash).ToArray());
        Bind(_write.BatchCommands[2], plan.LastSeq, plan.LastHash);
        await _write.ExecuteNonQueryAsync(ct); // the head row was read and locked above, so the UPDATE finds it
        return plan.Results;
    }

    private static NpgsqlParameter Array(NpgsqlDbType element) => new() { NpgsqlDbType = NpgsqlDbType.Array | element };

    private static void Bind(NpgsqlBatchCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}

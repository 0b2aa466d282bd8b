using Npgsql;
using NpgsqlTypes;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Writes one batch of the evidence log to PostgreSQL in two round trips: the first begins the transaction, locks the
/// chain head, reads the grants' calls today and the records of the batch's lookups that wait for them
/// (<see cref="ReadThenLog"/>); the second stores the calls, inserts the records (arrays unnested in one statement),
/// moves the head and commits. The earlier form (a statement each, the records by COPY, the commit on its own) took
/// seven round trips a batch, each a wait for the network and a wake-up of the server's backend; and the lookups read
/// their records in round trips of their own before they queued here. Npgsql prepares the batches after their first
/// uses (Max Auto Prepare), so none is parsed again.
/// </summary>
internal sealed class PostgresEvidenceBatch(NpgsqlConnection connection)
{
    // The lookups' keys as arrays, unnested, each joined laterally to its records with its own limit; n numbers them.
    private const string Records = """
        SELECT q.n, found."values"
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) WITH ORDINALITY AS q(resource_id, field, value, take, n)
        CROSS JOIN LATERAL (
            SELECT r."values" FROM sharing_record_key AS k JOIN sharing_record AS r ON r.id = k.record_id
            WHERE k.resource_id = q.resource_id AND k.field = q.field AND k.value = q.value LIMIT q.take) AS found
        """;

    // BEGIN and COMMIT go inside the batches, so the transaction is the connection's, not an NpgsqlTransaction's.
    // When a statement fails, the server skips the rest of its batch (COMMIT too) and the writer closes the
    // connection, which rolls the transaction back.
    private readonly NpgsqlBatch _read = new(connection) { BatchCommands = { Begin(), Head(), Usage() } };

    private readonly NpgsqlBatch _readWithRecords = new(connection)
    {
        BatchCommands =
        {
            Begin(), Head(), Usage(),
            new(Records) { Parameters = { Array(NpgsqlDbType.Uuid), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Text), Array(NpgsqlDbType.Integer) } },
        },
    };

    private static NpgsqlBatchCommand Begin() => new("BEGIN");

    private static NpgsqlBatchCommand Head() => new("SELECT last_seq, last_hash FROM sharing_chain_head WHERE id = 1 FOR UPDATE");

    private static NpgsqlBatchCommand Usage() =>
        new("SELECT grant_id, calls FROM sharing_usage WHERE day = $1 AND grant_id = ANY($2)") { Parameters = { new() { NpgsqlDbType = NpgsqlDbType.Text }, Array(NpgsqlDbType.Uuid) } };

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

    public async Task<Appended[]> WriteAsync(IReadOnlyList<LogSlot> slots, DateTime now, CancellationToken ct)
    {
        var day = EvidencePlan.QuotaDay(now);
        var reads = new List<ReadThenLog>();
        foreach (var slot in slots)
        {
            if (slot.Read is { } read)
            {
                reads.Add(read);
            }
        }

        var first = reads.Count == 0 ? _read : _readWithRecords;
        first.BatchCommands[2].Parameters[0].Value = day;
        first.BatchCommands[2].Parameters[1].Value = slots.Where(s => s.Entry is null || EvidencePlan.Counts(s.Entry))
            .Select(s => s.Entry?.GrantId ?? s.Read!.GrantId).Distinct().ToArray(); // a lookup's entry is known only after its read
        if (reads.Count > 0)
        {
            Bind(first.BatchCommands[3], reads.Select(r => r.Resource).ToArray(), reads.Select(r => r.Field).ToArray(), reads.Select(r => r.Value).ToArray(),
                reads.Select(r => r.Take).ToArray());
        }

        long seq;
        string hash;
        var calls = new Dictionary<Guid, int>();
        var found = new List<string>[reads.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = [];
        }

        await using (var reader = await first.ExecuteReaderAsync(ct))
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

            if (reads.Count > 0)
            {
                await reader.NextResultAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    found[reader.GetInt64(0) - 1].Add(reader.GetString(1));
                }
            }
        }

        // Each lookup makes its answer and its entry of its records here, inside the transaction, before anything is logged.
        var batch = new EvidenceEntry[slots.Count];
        for (int i = 0, k = 0; i < batch.Length; i++)
        {
            batch[i] = slots[i].Entry ?? slots[i].Read!.EntryFor(found[k++]);
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

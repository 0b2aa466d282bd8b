using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Writes a batch of evidence records, their subject index rows and the new chain head inside the writer's transaction,
/// without EF's change tracking (which cost more than the database work): binary COPY on PostgreSQL, one prepared
/// statement run per row on SQLite.
/// </summary>
internal static class EvidenceInserts
{
    private const string Columns = "seq, at_utc, client_id, consumer_department_code, provider_department_code, resource_code, items, purpose, case_ref, subjects, outcome, result_count, hash";

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, List<EvidenceRecord> records, List<EvidenceSubject> subjects, ChainHead head, CancellationToken ct)
    {
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, records, subjects, ct);
        }
        else
        {
            await InsertAsync((SqliteConnection)connection, (SqliteTransaction)transaction, records, subjects, ct);
        }

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE sharing_chain_head SET last_seq = @seq, last_hash = @hash WHERE id = 1";
        Add(update, "@seq", head.LastSeq);
        Add(update, "@hash", head.LastHash);
        if (await update.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new InvalidOperationException("The evidence chain head is missing.");
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<EvidenceRecord> records, List<EvidenceSubject> subjects, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY sharing_evidence ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
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

        if (subjects.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY sharing_evidence_subject (digest, seq) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var s in subjects)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(s.Digest, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(s.Seq, NpgsqlDbType.Bigint, ct);
            }

            await copy.CompleteAsync(ct);
        }
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, List<EvidenceRecord> records, List<EvidenceSubject> subjects, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO sharing_evidence ({Columns}) VALUES (@seq, @at, @client, @consumer, @provider, @resource, @items, @purpose, @case, @subjects, @outcome, @count, @hash)";
        var p = new[] { "@seq", "@at", "@client", "@consumer", "@provider", "@resource", "@items", "@purpose", "@case", "@subjects", "@outcome", "@count", "@hash" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        foreach (var r in records)
        {
            p[0].Value = r.Seq;
            p[1].Value = r.AtUtc;
            p[2].Value = r.ClientId;
            p[3].Value = r.ConsumerDepartmentCode;
            p[4].Value = r.ProviderDepartmentCode;
            p[5].Value = r.ResourceCode;
            p[6].Value = r.Items;
            p[7].Value = r.Purpose;
            p[8].Value = (object?)r.CaseRef ?? DBNull.Value;
            p[9].Value = r.Subjects;
            p[10].Value = r.Outcome;
            p[11].Value = r.ResultCount;
            p[12].Value = r.Hash;
            await insert.ExecuteNonQueryAsync(ct);
        }

        if (subjects.Count > 0)
        {
            await using var index = connection.CreateCommand();
            index.Transaction = transaction;
            index.CommandText = "INSERT INTO sharing_evidence_subject (digest, seq) VALUES (@digest, @seq)";
            var digest = index.Parameters.Add(new SqliteParameter { ParameterName = "@digest" });
            var seq = index.Parameters.Add(new SqliteParameter { ParameterName = "@seq" });
            index.Prepare();
            foreach (var s in subjects)
            {
                digest.Value = s.Digest;
                seq.Value = s.Seq;
                await index.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Checks the evidence log from its first record (核验): sequence numbers run 1, 2, 3… without gaps, each hash is
/// recomputed from the one before, each signed checkpoint names a hash the chain really had at its sequence number, and
/// the head names the last record. A changed, removed, inserted or reordered record shows as a broken hash or a gap; a
/// removed tail shows against the head or the last checkpoint.
/// </summary>
internal sealed class EvidenceVerifier(EvidenceDbContext db, IPlatformSignatures signatures)
{
    private const int Page = 5000;

    public async Task<VerificationReport> VerifyAsync(CancellationToken ct)
    {
        var checkpoints = await db.Checkpoints.AsNoTracking().OrderBy(c => c.Seq).ToListAsync(ct);
        var pendingCheckpoints = new Queue<Domain.Checkpoint>(checkpoints);
        var hash = EvidenceChain.Genesis;
        long expected = 1, count = 0, after = 0;
        while (true)
        {
            var page = await db.Evidence.AsNoTracking().Where(r => r.Seq > after).OrderBy(r => r.Seq).Take(Page).ToListAsync(ct);
            foreach (var record in page)
            {
                if (record.Seq != expected)
                {
                    return Broken(expected, count, checkpoints, $"record {expected} is missing (next is {record.Seq})");
                }

                var recomputed = EvidenceChain.Hash(hash, record);
                if (!string.Equals(recomputed, record.Hash, StringComparison.Ordinal))
                {
                    return Broken(record.Seq, count, checkpoints, "the record's content or order does not match its hash");
                }

                hash = recomputed;
                while (pendingCheckpoints.TryPeek(out var checkpoint) && checkpoint.Seq == record.Seq)
                {
                    pendingCheckpoints.Dequeue();
                    if (checkpoint.Hash != hash)
                    {
                        return Broken(record.Seq, count, checkpoints, "the signed checkpoint names another hash");
                    }

                    if (!await signatures.VerifyAsync(EvidenceChain.CheckpointBytes(checkpoint.Seq, checkpoint.Hash), new(checkpoint.Kid, checkpoint.Alg, checkpoint.Signature), ct))
                    {
                        return Broken(record.Seq, count, checkpoints, "the checkpoint's signature is not the platform's");
                    }
                }

                expected++;
                count++;
                after = record.Seq;
            }

            if (page.Count < Page)
            {
                break;
            }
        }

        if (pendingCheckpoints.TryPeek(out var beyond))
        {
            return Broken(beyond.Seq, count, checkpoints, $"a signed checkpoint covers record {beyond.Seq}, which is missing");
        }

        var head = await db.Heads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is not null && (head.LastSeq != count || head.LastHash != hash))
        {
            return Broken(count + 1, count, checkpoints, $"the chain head names record {head.LastSeq}, the log ends at {count}");
        }

        return new VerificationReport(true, count, checkpoints.Count, checkpoints.Count == 0 ? null : checkpoints[^1].Seq, null, null);
    }

    private static VerificationReport Broken(long at, long count, List<Domain.Checkpoint> checkpoints, string problem) =>
        new(false, count, checkpoints.Count, checkpoints.Count == 0 ? null : checkpoints[^1].Seq, at, problem);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Signs the chain head every <c>Sharing:CheckpointSeconds</c> (60) when records were added since the last checkpoint.
/// A checkpoint pins the log up to its record: after it, even someone who can write the database cannot rewrite the
/// history without the platform's private key. Two nodes may both sign the same head; the key (sequence number) keeps one.
/// </summary>
internal sealed class EvidenceCheckpoints(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EvidenceCheckpoints> logger)
    : PeriodicJob(logger)
{

    protected override Task PassAsync(CancellationToken ct) => CheckpointAsync(ct);

    /// <summary>Signs the head now if it moved; returns the checkpoint, or null when there was nothing new.</summary>
    public async Task<Checkpoint?> CheckpointAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        var head = await db.Heads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is null || head.LastSeq == 0 || await db.Checkpoints.AnyAsync(c => c.Seq >= head.LastSeq, ct))
        {
            return null;
        }

        var signature = await scope.ServiceProvider.GetRequiredService<IPlatformSignatures>().SignAsync(EvidenceChain.CheckpointBytes(head.LastSeq, head.LastHash), ct);
        var checkpoint = new Checkpoint
        {
            Seq = head.LastSeq, Hash = head.LastHash, AtUtc = clock.GetUtcNow().UtcDateTime, Kid = signature.Kid, Alg = signature.Alg, Signature = signature.Signature,
        };
        db.Checkpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return null; // another node signed the same head first
        }

        return checkpoint;
    }
}

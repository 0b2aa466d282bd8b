using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>The evidence log in the API: the calls a department took part in, a person's data uses, verification and checkpoints.</summary>
internal static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/evidence", List).RequireAuthorization().WithSummary("Calls where your department provided or consumed, newest first, 200 a page; ?before=SEQ (data admins)");
        group.MapGet("/evidence/verify", Verify).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Check the whole hash chain and its signed checkpoints (platform admin)");
        group.MapPost("/evidence/checkpoint", Checkpoint).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Sign a checkpoint of the chain head now (platform admin)");
        group.MapGet("/my-data-use", MyDataUse).RequireAuthorization().WithSummary("Which departments read the signed-in person's data, when and for what (数据使用记录)");
    }

    public sealed record CheckpointView(long Seq, string Hash, string Kid, string Signature);

    private static async Task<Results<Ok<IReadOnlyList<EvidenceView>>, ProblemHttpResult>> List(long? before, ClaimsPrincipal user, EvidenceReader reader, SharingAccess access, CancellationToken ct) =>
        access.DataAdminDepartment(user) is null ? Domain.SharingErrors.NotDataAdmin.ToProblem() : TypedResults.Ok(await reader.ListAsync(user, before, ct));

    private static async Task<Ok<VerificationReport>> Verify(EvidenceVerifier verifier, CancellationToken ct) => TypedResults.Ok(await verifier.VerifyAsync(ct));

    private static async Task<Results<Ok<CheckpointView>, NoContent>> Checkpoint(EvidenceCheckpoints checkpoints, CancellationToken ct) =>
        await checkpoints.CheckpointAsync(ct) is { } c ? TypedResults.Ok(new CheckpointView(c.Seq, c.Hash, c.Kid, c.Signature)) : TypedResults.NoContent();

    private static async Task<Ok<IReadOnlyList<DataUseView>>> MyDataUse(ClaimsPrincipal user, EvidenceReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.MyDataUseAsync(user, ct));
}

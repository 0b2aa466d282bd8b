using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Kernel.Storage;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Cases.Features;

/// <summary>
/// Materials of a case: upload (type sniffed, size capped, scanned, stored by content hash), reuse of a file from the
/// applicant's earlier case (材料复用), per-material review by staff, and download for those who may see the case.
/// </summary>
internal static class Materials
{
    public sealed record ReuseRequest(Guid? MaterialId, string? MaterialName);

    public sealed record ReviewRequest(bool? Accepted, string? Reason);

    public static void MapMaterials(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/materials", Upload).RequireAuthorization()
            .WithSummary("Upload a file for one material (multipart: materialName, file); PDF, JPEG, PNG or OFD");
        group.MapPost("/{id:guid}/materials/reuse", Reuse).RequireAuthorization().WithSummary("Reuse a material from one of my earlier applications (材料复用)");
        group.MapGet("/reusable-materials", Reusable).RequireAuthorization().WithSummary("My earlier accepted or unreviewed materials that can be reused");
        group.MapPost("/{id:guid}/materials/{materialId:guid}/review", Review).RequireAuthorization().WithSummary("Accept or reject one material, with a reason (staff)");
        group.MapGet("/{id:guid}/materials/{materialId:guid}/content", Download).RequireAuthorization().WithSummary("The stored file");
    }

    private static async Task<Results<Created<MaterialView>, ProblemHttpResult>> Upload(Guid id, HttpRequest http, ClaimsPrincipal user, MaterialIntake intake, CancellationToken ct)
    {
        // The case is checked before the body, so a caller who may not see it learns nothing from the answer.
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        var result = await intake.UploadAsync(user, id, form?["materialName"].ToString(), form?.Files.GetFile("file"), ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/applications/{id}/materials/{result.Value!.Id}", result.Value);
    }

    private static async Task<Results<Created<MaterialView>, ProblemHttpResult>> Reuse(Guid id, ReuseRequest request, ClaimsPrincipal user, MaterialIntake intake, CancellationToken ct)
    {
        var result = await intake.ReuseAsync(user, id, request.MaterialId, request.MaterialName, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/applications/{id}/materials/{result.Value!.Id}", result.Value);
    }

    private static async Task<Ok<IReadOnlyList<MaterialView>>> Reusable(ClaimsPrincipal user, MaterialIntake intake, CancellationToken ct) =>
        TypedResults.Ok(await intake.ReusableAsync(user, ct));

    private static async Task<Results<Ok<MaterialView>, ProblemHttpResult>> Review(Guid id, Guid materialId, ReviewRequest request, ClaimsPrincipal user, MaterialIntake intake, CancellationToken ct)
    {
        var result = await intake.ReviewAsync(user, id, materialId, request.Accepted, request.Reason, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Ok(result.Value!);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        Guid id, Guid materialId, ClaimsPrincipal user, CasesDbContext db, CaseAccess access, IActorAccessor actors, IFileStore store, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !(await access.ViewerAsync(user, c, actors.Current.Id, ct)).CanSee)
        {
            return CaseErrors.NotFound.ToProblem();
        }

        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId && m.CaseId == id, ct);
        return material is not null && store.Open(material.Sha256) is { } stream
            ? TypedResults.File(stream, material.ContentType, material.FileName)
            : CaseErrors.MaterialNotFound.ToProblem();
    }
}

/// <summary>Taking files in, for the API and the applicant's page alike.</summary>
internal sealed class MaterialIntake(
    CasesDbContext db, CaseAccess access, Uploads uploads, IOptions<CasesOptions> options, IActorAccessor actors, TimeProvider clock)
{
    public async Task<Result<MaterialView>> UploadAsync(ClaimsPrincipal user, Guid caseId, string? materialName, IFormFile? file, CancellationToken ct)
    {
        var (c, refusal) = await EditableCaseAsync(user, caseId, materialName, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (stored, rejected) = await uploads.TakeAsync(file, options.Value.MaxUploadBytes, ct);
        if (stored is null)
        {
            return rejected switch
            {
                UploadRefusal.TooLarge => CaseErrors.FileTooLarge,
                UploadRefusal.TypeNotAllowed => CaseErrors.FileTypeNotAllowed,
                UploadRefusal.Infected => CaseErrors.FileInfected,
                _ => CaseErrors.InvalidFile,
            };
        }

        return await RecordAsync(c!, materialName!, stored.FileName, stored.ContentType, stored.Size, stored.Sha256, null, ct);
    }

    public async Task<Result<MaterialView>> ReuseAsync(ClaimsPrincipal user, Guid caseId, Guid? materialId, string? materialName, CancellationToken ct)
    {
        var (c, refusal) = await EditableCaseAsync(user, caseId, materialName, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var account = access.AccountOf(user);
        var source = materialId is { } mid ? await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid && m.Review != MaterialReview.Rejected, ct) : null;
        var owner = source is null ? null : await db.Cases.AsNoTracking().Where(x => x.Id == source.CaseId).Select(x => x.ApplicantAccountId).FirstOrDefaultAsync(ct);
        if (source is null || account is null || owner != account)
        {
            return CaseErrors.MaterialNotFound;
        }

        return await RecordAsync(c!, materialName!, source.FileName, source.ContentType, source.Size, source.Sha256, source.CaseId, ct);
    }

    public async Task<IReadOnlyList<MaterialView>> ReusableAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (access.AccountOf(user) is not { } account)
        {
            return [];
        }

        var rows = await (from m in db.Materials.AsNoTracking()
                          join c in db.Cases on m.CaseId equals c.Id
                          where c.ApplicantAccountId == account && m.Review != MaterialReview.Rejected
                          orderby m.UploadedAtUtc descending
                          select m).Take(100).ToListAsync(ct);
        return [.. rows.DistinctBy(m => (m.MaterialName, m.Sha256)).Select(m => m.ToView())];
    }

    /// <summary>材料审核: a clerk or approver in scope accepts a material or rejects it with a reason.</summary>
    public async Task<Result<MaterialView>> ReviewAsync(ClaimsPrincipal user, Guid caseId, Guid materialId, bool? accepted, string? reason, CancellationToken ct)
    {
        var actor = actors.Current;
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        var viewer = c is null ? null : await access.ViewerAsync(user, c, actor.Id, ct);
        if (c is null || viewer is not { CanSee: true })
        {
            return CaseErrors.NotFound;
        }

        if (!viewer.IsStaffWith(IdentityRoles.WindowClerk, IdentityRoles.Approver))
        {
            return CaseErrors.StaffOnly;
        }

        var material = await db.Materials.FirstOrDefaultAsync(m => m.Id == materialId && m.CaseId == caseId, ct);
        if (material is null)
        {
            return CaseErrors.MaterialNotFound;
        }

        if (c.State is not (CaseState.Submitted or CaseState.PreReviewed or CaseState.InReview or CaseState.Supplementing))
        {
            return CaseErrors.IllegalTransition;
        }

        if (accepted is not { } ok)
        {
            return CaseErrors.ReasonRequired;
        }

        var judged = material.Judge(ok, reason, actor.Id);
        if (judged.IsFailure)
        {
            return judged.Error!;
        }

        db.Audit.Add(AuditEntry.Record(actor, ok ? "cases.material_accepted" : "cases.material_rejected", c.Number ?? c.Id.ToString(), material.MaterialName, clock));
        await db.SaveChangesAsync(ct);
        return material.ToView();
    }

    private async Task<(ServiceCase? Case, Error? Refusal)> EditableCaseAsync(ClaimsPrincipal user, Guid caseId, string? materialName, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return (null, CaseErrors.NotFound);
        }

        var viewer = await access.ViewerAsync(user, c, actors.Current.Id, ct);
        if (!viewer.CanSee)
        {
            return (null, CaseErrors.NotFound);
        }

        if (!viewer.IsApplicant)
        {
            return (null, CaseErrors.ApplicantOnly);
        }

        if (c.State is not (CaseState.Draft or CaseState.Supplementing))
        {
            return (null, CaseErrors.NotEditable);
        }

        return c.Item.Materials.Any(m => m.Name == materialName) ? (c, null) : (null, CaseErrors.UnknownMaterial);
    }

    private async Task<Result<MaterialView>> RecordAsync(ServiceCase c, string materialName, string fileName, string type, long size, string hash, Guid? reusedFrom, CancellationToken ct)
    {
        var actor = actors.Current;
        var material = CaseMaterial.Create(Ids.New(clock), c.Id, materialName, fileName, type, size, hash, actor.Id, reusedFrom, clock.GetUtcNow());
        db.Materials.Add(material);
        db.Audit.Add(AuditEntry.Record(actor, reusedFrom is null ? "cases.material_uploaded" : "cases.material_reused", c.Number ?? c.Id.ToString(), materialName, clock));
        await db.SaveChangesAsync(ct);
        return material.ToView();
    }
}

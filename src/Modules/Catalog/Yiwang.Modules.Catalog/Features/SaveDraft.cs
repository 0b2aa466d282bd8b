using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Features;

/// <summary>Writes the next version of an item as a draft; the published version stays as it is until publish (admin).</summary>
internal static class SaveDraft
{
    public sealed record Request([property: Required] ItemGuide Guide, int Revision, [property: MaxLength(32)] string? DepartmentCode, [property: MaxLength(12)] string? RegionCode);

    public static void MapSaveDraft(this RouteGroupBuilder group)
    {
        group.MapPut("/items/{code}/draft", Handle).RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("Save the draft of the next version; send the item revision you read");
        group.MapGet("/items/{code}/draft", Get).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Read the open draft");
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Handle(
        string code, Request request, CatalogDbContext db, IReferenceApi reference, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return CatalogErrors.NotFound.ToProblem();
        }

        if (request.Revision != item.Revision)
        {
            return CatalogErrors.StaleRevision.ToProblem();
        }

        if (request.Guide is null)
        {
            return Error.Validation("catalog.invalid_guide", "guide is required.").ToProblem();
        }

        var guide = GuideRules.Normalize(request.Guide);
        var problems = GuideRules.Check(guide);
        if (problems.Count > 0)
        {
            return Error.Validation("catalog.invalid_guide", "The guide breaks some rules.", ItemResponses.ProblemList(problems)).ToProblem();
        }

        if (request.DepartmentCode is not null || request.RegionCode is not null)
        {
            var placement = await ItemPlacement.ResolveAsync(item.Kind, request.RegionCode ?? item.RegionCode, request.DepartmentCode ?? item.DepartmentCode, reference, ct);
            if (placement.IsFailure)
            {
                return placement.Error!.ToProblem();
            }

            item.Relocate(item.BasicCode, placement.Value!.RegionCode, placement.Value.DepartmentCode, placement.Value.DepartmentName, clock.GetUtcNow());
        }

        var open = item.DraftVersion is { } n ? await db.Versions.FirstOrDefaultAsync(v => v.ItemId == item.Id && v.Version == n, ct) : null;
        var draft = item.SaveDraft(guide, open, clock);
        if (open is null)
        {
            db.Versions.Add(draft);
        }

        db.Audit.Add(AuditEntry.Record(actor.Current, "catalog.draft_saved", item.Code, $"v{draft.Version}", clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(item.ToDetail(draft, reference));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Get(string code, CatalogDbContext db, IReferenceApi reference, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item?.DraftVersion is not { } n)
        {
            return Error.NotFound("catalog.no_draft", "The item has no open draft.").ToProblem();
        }

        var draft = await db.Versions.AsNoTracking().FirstAsync(v => v.ItemId == item.Id && v.Version == n, ct);
        return TypedResults.Ok(item.ToDetail(draft, reference));
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Features;

/// <summary>Creates an item with its first version as a draft (admin).</summary>
internal static class CreateItem
{
    public sealed record Request(
        [property: Required, MaxLength(64)] string Code,
        ItemKind Kind,
        [property: MaxLength(64)] string? BasicCode,
        [property: MaxLength(12)] string? RegionCode,
        [property: MaxLength(32)] string? DepartmentCode,
        [property: Required] ItemGuide Guide);

    public static void MapCreateItem(this RouteGroupBuilder group) =>
        group.MapPost("/items", Handle).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Create an item; its first version is a draft until published");

    private static async Task<Results<Created<ItemDetail>, ProblemHttpResult>> Handle(
        Request request, CatalogDbContext db, IReferenceApi reference, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        if (request.Code is null || !ServiceItem.IsValidCode(request.Code) || (request.BasicCode is { } b && !ServiceItem.IsValidCode(b)))
        {
            return CatalogErrors.InvalidCode.ToProblem();
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

        var placement = await ItemPlacement.ResolveAsync(request.Kind, request.RegionCode, request.DepartmentCode, reference, ct);
        if (placement.IsFailure)
        {
            return placement.Error!.ToProblem();
        }

        if (await db.Items.AnyAsync(i => i.Code == request.Code, ct))
        {
            return CatalogErrors.Duplicate.ToProblem();
        }

        var p = placement.Value!;
        var item = ServiceItem.Create(Ids.New(clock), request.Code, request.Kind, request.BasicCode, p.RegionCode, p.DepartmentCode, p.DepartmentName, clock.GetUtcNow());
        var draft = item.SaveDraft(guide, null, clock);
        db.Items.Add(item);
        db.Versions.Add(draft);
        db.Audit.Add(AuditEntry.Record(actor.Current, "catalog.item_created", item.Code, $"v{draft.Version}", clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/catalog/items/{item.Code}/draft", item.ToDetail(draft, reference));
    }
}

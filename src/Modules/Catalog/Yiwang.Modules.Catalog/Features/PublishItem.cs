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
using Yiwang.Modules.Catalog.Search;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Features;

/// <summary>Publishes the open draft (admin). The previous version stays readable as superseded.</summary>
internal static class PublishItem
{
    public sealed record Request(int Revision);

    public static void MapPublishItem(this RouteGroupBuilder group) =>
        group.MapPost("/items/{code}/publish", Handle).RequireAuthorization(Policies.PlatformAdmin)
            .WithSummary("Publish the open draft; send the item revision you read");

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Handle(
        string code, Request request, CatalogDbContext db, IReferenceApi reference, CatalogSearchIndex index, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
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

        if (item.DraftVersion is not { } draftNumber)
        {
            return CatalogErrors.NothingToPublish.ToProblem();
        }

        var draft = await db.Versions.FirstAsync(v => v.ItemId == item.Id && v.Version == draftNumber, ct);
        var current = item.PublishedVersion is { } p ? await db.Versions.FirstOrDefaultAsync(v => v.ItemId == item.Id && v.Version == p, ct) : null;
        var published = item.Publish(draft, current, clock.GetUtcNow());
        if (published.IsFailure)
        {
            return published.Error!.ToProblem();
        }

        db.Audit.Add(AuditEntry.Record(actor.Current, "catalog.item_published", item.Code, $"v{draft.Version}", clock));
        // The revision check above and the concurrency token make two simultaneous publishes fail one of them (409).
        await db.SaveChangesAsync(ct);
        await CatalogIndexSync.ReindexAsync(db, reference, index, [item.Code], ct);
        return TypedResults.Ok(item.ToDetail(draft, reference));
    }
}

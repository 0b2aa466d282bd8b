using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Hotline.Categories;

/// <summary>
/// The category tree over HTTP: anyone signed in reads the active tree (callers choose from it); the platform
/// administrator also sees inactive nodes and adds, renames, deactivates or reactivates a node.
/// </summary>
internal static class CategoryEndpoints
{
    public sealed record CategoryRequest(string? Name, string? ParentCode, bool? Active, int? Revision);

    public static readonly Error StaleRevision = Error.Conflict("hotline.stale_revision", "Someone else changed this category first; reload and try again.");

    public static void MapCategories(this RouteGroupBuilder group)
    {
        group.MapGet("/categories", List).RequireAuthorization()
            .WithSummary("The category tree (诉求分类), depth first; ?all=true also lists inactive nodes (platform administrator)");
        group.MapPut("/categories/{code}", Set).RequireAuthorization(Kernel.Http.Policies.PlatformAdmin)
            .WithSummary("Add a node under parentCode, or rename, deactivate or reactivate one (with its revision)");
    }

    public static CategoryNode View(Category c) => new(c.Code, c.Name, c.ParentCode, c.Level, c.Active, c.Revision);

    private static async Task<Ok<List<CategoryNode>>> List(bool? all, ClaimsPrincipal user, IAccountOverviews accounts, CategoryTree tree, CancellationToken ct)
    {
        var admin = accounts.StaffOf(user) is { IsPlatformAdmin: true };
        return TypedResults.Ok((await tree.AllAsync(all == true && admin, ct)).Select(View).ToList());
    }

    private static async Task<Results<Ok<CategoryNode>, Created<CategoryNode>, ProblemHttpResult>> Set(
        string code, CategoryRequest request, HotlineDbContext db, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        code = code.Trim();
        var node = await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (node is null)
        {
            var parent = request.ParentCode is { Length: > 0 } p ? await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == p.Trim(), ct) : null;
            if (request.ParentCode is { Length: > 0 } && parent is null)
            {
                return Category.Invalid.ToProblem();
            }

            var position = await db.Categories.Where(c => c.ParentCode == (parent == null ? null : parent.Code)).CountAsync(ct);
            var created = Category.Create(code, request.Name, parent, position);
            if (created.IsFailure)
            {
                return created.Error!.ToProblem();
            }

            db.Categories.Add(created.Value!);
            db.Audit.Add(AuditEntry.Record(actors.Current, "hotline.category_added", code, created.Value!.Name, clock));
            return await SaveAsync(db, ct) is { } conflict ? conflict.ToProblem() : TypedResults.Created($"/api/v1/hotline/categories/{code}", View(created.Value!));
        }

        if (request.Revision is { } revision && revision != node.Revision)
        {
            return StaleRevision.ToProblem();
        }

        var oldName = node.Name;
        var changed = node.Change(request.Name ?? node.Name, request.Active ?? node.Active);
        if (changed.IsFailure)
        {
            return changed.Error!.ToProblem();
        }

        // One transaction: the routes are renamed only if the node is.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (node.Level == 1 && node.Name != oldName)
        {
            // The routing table and the dispatch model name first-level categories: routes follow the rename at once,
            // the model learns the new name when it is retrained.
            await db.Routes.Where(r => r.Category == oldName).ExecuteUpdateAsync(u => u.SetProperty(r => r.Category, node.Name), ct);
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, "hotline.category_changed", code, $"{oldName} → {node.Name}{(node.Active ? "" : "（停用）")}", clock));
        if (await SaveAsync(db, ct) is { } stale)
        {
            return stale.ToProblem();
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(View(node));
    }

    private static async Task<Error?> SaveAsync(HotlineDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            return StaleRevision;
        }
    }
}

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

    public static readonly Error StaleRevision = TicketErrors.StaleRevisionOf("category");

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
        string code, CategoryRequest request, CategoryEditor editor, CancellationToken ct)
    {
        var set = await editor.SetAsync(code, request, ct);
        return set.IsFailure ? set.Error!.ToProblem()
            : set.Value!.Created ? TypedResults.Created($"/api/v1/hotline/categories/{set.Value.Node.Code}", set.Value.Node) : TypedResults.Ok(set.Value.Node);
    }
}

/// <summary>Adding or changing a node of the tree, for the API and the settings page alike.</summary>
internal sealed class CategoryEditor(HotlineDbContext db, IActorAccessor actors, TimeProvider clock)
{
    public async Task<Result<(CategoryNode Node, bool Created)>> SetAsync(string code, CategoryEndpoints.CategoryRequest request, CancellationToken ct)
    {
        code = code.Trim();
        var node = await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (node is null)
        {
            var parent = request.ParentCode is { Length: > 0 } p ? await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == p.Trim(), ct) : null;
            if (request.ParentCode is { Length: > 0 } && parent is null)
            {
                return Category.Invalid;
            }

            var position = await db.Categories.Where(c => c.ParentCode == (parent == null ? null : parent.Code)).CountAsync(ct);
            var created = Category.Create(code, request.Name, parent, position);
            if (created.IsFailure)
            {
                return created.Error!;
            }

            db.Categories.Add(created.Value!);
            db.Audit.Add(AuditEntry.Record(actors.Current, "hotline.category_added", code, created.Value!.Name, clock));
            if (await SaveAsync(ct) is { } conflict)
            {
                return conflict;
            }

            return (CategoryEndpoints.View(created.Value!), true);
        }

        if (request.Revision is { } revision && revision != node.Revision)
        {
            return CategoryEndpoints.StaleRevision;
        }

        var oldName = node.Name;
        var changed = node.Change(request.Name ?? node.Name, request.Active ?? node.Active);
        if (changed.IsFailure)
        {
            return changed.Error!;
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
        if (await SaveAsync(ct) is { } stale)
        {
            return stale;
        }

        await transaction.CommitAsync(ct);
        return (CategoryEndpoints.View(node), false);
    }

    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            return CategoryEndpoints.StaleRevision;
        }
    }
}

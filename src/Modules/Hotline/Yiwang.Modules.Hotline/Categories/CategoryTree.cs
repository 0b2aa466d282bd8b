using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;

namespace Yiwang.Modules.Hotline.Categories;

/// <summary>Reads the category tree: a node and its first level, the first level by name, the path of a node, the tree in order.</summary>
internal sealed class CategoryTree(HotlineDbContext db)
{
    /// <summary>An active node by its code and the first-level node above it (itself on the first level); null when unknown or inactive.</summary>
    public async Task<(Category Node, Category Top)?> ResolveAsync(string? code, CancellationToken ct)
    {
        code = code?.Trim();
        if (code is not { Length: > 0 and <= 20 })
        {
            return null;
        }

        var prefixes = Prefixes(code);
        var chain = await db.Categories.AsNoTracking().Where(c => prefixes.Contains(c.Code)).ToListAsync(ct);
        var node = chain.FirstOrDefault(c => c.Code == code);
        // Every node up to the first level must be active: a deactivated branch hides its children too.
        return node is null || chain.Count != prefixes.Count || chain.Any(c => !c.Active) ? null : (node, chain.First(c => c.Level == 1));
    }

    /// <summary>The active first-level node with this name (the dispatch model's and the routing table's word for it).</summary>
    public Task<Category?> TopByNameAsync(string? name, CancellationToken ct) =>
        db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Level == 1 && c.Active && c.Name == (name ?? "").Trim(), ct);

    public async Task<IReadOnlyList<Category>> TopLevelAsync(CancellationToken ct) =>
        await db.Categories.AsNoTracking().Where(c => c.Level == 1 && c.Active).OrderBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(ct);

    public async Task<IReadOnlyList<Category>> ChildrenAsync(string code, CancellationToken ct) =>
        await db.Categories.AsNoTracking().Where(c => c.ParentCode == code && c.Active).OrderBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(ct);

    /// <summary>"城乡建设 / 城乡规划 / 违章建筑" for a node's code, whether or not it is still active; null for none.</summary>
    public async Task<string?> PathAsync(string? code, CancellationToken ct)
    {
        if (code is null)
        {
            return null;
        }

        var prefixes = Prefixes(code);
        var names = await db.Categories.AsNoTracking().Where(c => prefixes.Contains(c.Code)).OrderBy(c => c.Level).Select(c => c.Name).ToListAsync(ct);
        return names.Count == 0 ? null : string.Join(" / ", names);
    }

    /// <summary>The whole tree, depth first, siblings in their order; inactive nodes (and what is under them) only when asked for.</summary>
    public async Task<IReadOnlyList<Category>> AllAsync(bool includeInactive, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().ToListAsync(ct);
        var children = all.ToLookup(c => c.ParentCode ?? "");
        var ordered = new List<Category>(all.Count);
        void Walk(string parent)
        {
            foreach (var c in children[parent].OrderBy(c => c.Position).ThenBy(c => c.Code, StringComparer.Ordinal))
            {
                if (includeInactive || c.Active)
                {
                    ordered.Add(c);
                    Walk(c.Code);
                }
            }
        }

        Walk("");
        return ordered;
    }

    /// <summary>The codes of a node and its ancestors: <c>a.01.02</c> → <c>a</c>, <c>a.01</c>, <c>a.01.02</c>.</summary>
    public static List<string> Prefixes(string code)
    {
        var result = new List<string>();
        for (var i = code.IndexOf('.'); i >= 0; i = code.IndexOf('.', i + 1))
        {
            result.Add(code[..i]);
        }

        result.Add(code);
        return result;
    }
}

using Yiwang.Modules.Hotline.Categories;
using Yiwang.Modules.Hotline.Domain;

namespace Yiwang.Modules.Hotline.Open311;

/// <summary>
/// The services an Open311 client may file under: the active first-level nodes of the category tree, the service code
/// being the node's code (<c>cxjs</c> for 城乡建设). A service is a category: a ticket filed under it is dispatched to the
/// department the routing table names for that category and region. Its second level is offered as the optional
/// attribute <c>sub_category</c> of the service definition.
/// </summary>
internal static class Open311Services
{
    public const string SubCategory = "sub_category";

    /// <summary>Groups for the default tree's first level, as GeoReport's <c>group</c>; an operator's own nodes fall under 其他.</summary>
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["cxjs"] = "城市管理", ["jtys"] = "城市管理", ["hjbh"] = "城市管理",
        ["ldsb"] = "民生服务", ["jywt"] = "民生服务", ["wsjs"] = "民生服务", ["mz"] = "民生服务",
        ["smly"] = "经济发展", ["jjgl"] = "经济发展", ["gtzy"] = "经济发展", ["nync"] = "经济发展", ["kjxx"] = "经济发展",
        ["zf"] = "社会治理", ["dwzw"] = "社会治理", ["jjjc"] = "社会治理",
    };

    public static string GroupOf(string code) => Groups.GetValueOrDefault(code, "其他");

    /// <summary>The services with their sub-categories (for the description and the <c>metadata</c> flag).</summary>
    public static async Task<IReadOnlyList<(Category Service, IReadOnlyList<Category> Children)>> ListAsync(CategoryTree tree, CancellationToken ct)
    {
        var all = await tree.AllAsync(includeInactive: false, ct);
        return [.. all.Where(c => c.Level == 1).Select(c => (c, (IReadOnlyList<Category>)[.. all.Where(x => x.ParentCode == c.Code)]))];
    }

    /// <summary>The first-level code of a ticket's category code (the service it was filed under), or of its first-level name.</summary>
    public static string CodeOf(Ticket t, IReadOnlyDictionary<string, string> codesByName) =>
        t.CategoryCode is { } code ? code.Split('.')[0] : t.Category is { } name ? codesByName.GetValueOrDefault(name, "") : "";
}

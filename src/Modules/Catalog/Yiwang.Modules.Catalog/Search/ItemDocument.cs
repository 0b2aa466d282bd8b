using System.Globalization;
using Lucene.Net.Documents;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Catalog.Search;

/// <summary>Maps an item to its Lucene document and a stored document back to a search hit.</summary>
internal static class ItemDocument
{
    public static Document Build(IndexedItem entry)
    {
        var item = entry.Item;
        var guide = entry.Guide;
        var materials = string.Join("；", guide.Materials.Select(m => m.Name));
        var doc = new Document
        {
            new StringField("code", item.Code, Field.Store.YES),
            new StringField("kind", item.Kind.ToString(), Field.Store.YES),
            new StringField("type", guide.TypeCode, Field.Store.YES),
            new TextField("name", guide.Name, Field.Store.YES),
            new TextField("aliases", string.Join(" ", guide.Aliases), Field.Store.NO),
            new TextField("materials", materials, Field.Store.NO),
            new TextField("conditions", guide.Conditions ?? "", Field.Store.NO),
            new TextField("result", guide.ResultName ?? "", Field.Store.NO),
            new TextField("dept", item.DepartmentName ?? "", Field.Store.NO),
            new Int32Field("depth", (int)guide.OnlineDepth, Field.Store.YES),
            new StoredField("handling", guide.HandlingKind.ToString()),
            new StoredField("version", entry.Version.Version),
            // Text the snippet is cut from: what a reader most wants to see matched after the name.
            new StoredField("snippet", Truncate($"{materials}　{guide.Conditions}", 600)),
        };
        if (item.BasicCode is { } basic)
        {
            doc.Add(new StringField("basiccode", basic, Field.Store.NO));
        }

        if (item.DepartmentCode is { } deptCode)
        {
            doc.Add(new StringField("deptcode", deptCode, Field.Store.YES));
            doc.Add(new StoredField("deptname", item.DepartmentName ?? ""));
        }

        if (entry.Region is { } region)
        {
            foreach (var code in RegionCode.Lineage(region.Code))
            {
                doc.Add(new StringField("region", code, Field.Store.NO));
            }

            doc.Add(new StoredField("regioncode", region.Code));
            doc.Add(new StoredField("regionname", region.FullName));
        }

        if (guide.PromisedLimitDays is { } promised)
        {
            doc.Add(new StoredField("promised", promised));
        }

        foreach (var flag in guide.Flags)
        {
            doc.Add(new StringField("flag", flag, Field.Store.YES));
        }

        return doc;
    }

    public static CatalogHit ToHit(Document doc, float score, IReadOnlyList<string> needles)
    {
        var name = doc.Get("name");
        return new CatalogHit(
            Code: doc.Get("code"),
            Kind: Enum.Parse<ItemKind>(doc.Get("kind")),
            Name: name,
            NameHighlighted: Highlighter.Mark(name, needles),
            Snippet: Highlighter.Snippet(doc.Get("snippet"), needles),
            TypeCode: doc.Get("type"),
            DepartmentCode: doc.Get("deptcode"),
            DepartmentName: doc.Get("deptname"),
            RegionCode: doc.Get("regioncode"),
            RegionName: doc.Get("regionname"),
            OnlineDepth: (OnlineDepth)int.Parse(doc.Get("depth"), CultureInfo.InvariantCulture),
            HandlingKind: Enum.Parse<HandlingKind>(doc.Get("handling")),
            PromisedLimitDays: doc.GetField("promised")?.GetInt32Value(),
            Flags: doc.GetValues("flag") ?? [],
            Version: doc.GetField("version")?.GetInt32Value() ?? 0,
            Score: score);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

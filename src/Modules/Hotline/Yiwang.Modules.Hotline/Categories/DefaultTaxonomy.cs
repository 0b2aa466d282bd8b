using Yiwang.Modules.Hotline.Domain;

namespace Yiwang.Modules.Hotline.Categories;

/// <summary>The shipped default category tree (<c>DefaultTaxonomy.tsv</c>, embedded): 15 first-level, 118 second-level and 517 third-level nodes.</summary>
internal static class DefaultTaxonomy
{
    public static IReadOnlyList<Category> Load()
    {
        using var stream = typeof(DefaultTaxonomy).Assembly.GetManifestResourceStream("Yiwang.Modules.Hotline.Categories.DefaultTaxonomy.tsv")
            ?? throw new InvalidOperationException("The default category tree is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var byCode = new Dictionary<string, Category>(StringComparer.Ordinal);
        var result = new List<Category>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var (code, name) = (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]);
            var dot = code.LastIndexOf('.');
            var parent = dot < 0 ? null : byCode[code[..dot]];
            var node = Category.Create(code, name, parent, result.Count).Value
                ?? throw new InvalidOperationException($"The default category tree has a bad line: {line}");
            byCode[code] = node;
            result.Add(node);
        }

        return result;
    }
}

using System.Net;
using System.Text;

namespace Yiwang.Modules.Catalog.Search;

/// <summary>
/// Marks where the query's words occur, returning HTML-escaped text with <c>&lt;em&gt;</c> around matches.
/// Hand-written because Lucene.Net.Highlighter is not in the registry mirror; the texts are short (names, snippets).
/// </summary>
internal static class Highlighter
{
    public static IReadOnlyList<string> Needles(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var words = query.Split([' ', '\u3000', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var needles = new List<string>(words);
        foreach (var word in words.Where(w => w.Length > 2))
        {
            for (var i = 0; i + 2 <= word.Length; i++)
            {
                needles.Add(word.Substring(i, 2));
            }
        }

        return [.. needles.Distinct().OrderByDescending(n => n.Length)];
    }

    public static string Mark(string text, IReadOnlyList<string> needles)
    {
        var marked = MarkMask(text, needles);
        return Render(text, marked, 0, text.Length);
    }

    /// <summary>A window of about <paramref name="width"/> characters around the first match, or null if none.</summary>
    public static string? Snippet(string? text, IReadOnlyList<string> needles, int width = 80)
    {
        if (string.IsNullOrEmpty(text) || needles.Count == 0)
        {
            return null;
        }

        var marked = MarkMask(text, needles);
        var first = Array.IndexOf(marked, true);
        if (first < 0)
        {
            return null;
        }

        var start = Math.Max(0, first - (width / 3));
        var end = Math.Min(text.Length, start + width);
        return (start > 0 ? "…" : "") + Render(text, marked, start, end) + (end < text.Length ? "…" : "");
    }

    private static bool[] MarkMask(string text, IReadOnlyList<string> needles)
    {
        var marked = new bool[text.Length];
        foreach (var needle in needles)
        {
            for (var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(needle, at + needle.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marked, true, at, needle.Length);
            }
        }

        return marked;
    }

    private static string Render(string text, bool[] marked, int start, int end)
    {
        var sb = new StringBuilder(end - start + 16);
        var i = start;
        while (i < end)
        {
            var j = i;
            while (j < end && marked[j] == marked[i])
            {
                j++;
            }

            var run = WebUtility.HtmlEncode(text[i..j]);
            sb.Append(marked[i] ? $"<em>{run}</em>" : run);
            i = j;
        }

        return sb.ToString();
    }
}

namespace Yiwang.Modules.Hotline.HotSpots;

/// <summary>
/// Unit vectors of character bigrams (the title counted twice, the first 400 characters of the text once), and their
/// cosine: how alike two short Chinese texts are without a segmenter. Used by hot spots and by suggested answers.
/// </summary>
internal static class BigramVectors
{
    public static Dictionary<int, double> Of(string title, string text)
    {
        var counts = new Dictionary<int, double>();
        void Add(string part, double weight)
        {
            for (var i = 0; i + 1 < part.Length; i++)
            {
                if (char.IsWhiteSpace(part[i]) || char.IsWhiteSpace(part[i + 1]) || char.IsPunctuation(part[i]) || char.IsPunctuation(part[i + 1]))
                {
                    continue;
                }

                var key = (part[i] << 16) | part[i + 1];
                counts[key] = counts.GetValueOrDefault(key) + weight;
            }
        }

        Add(title, 2);
        Add(text.Length > 400 ? text[..400] : text, 1);
        var norm = Math.Sqrt(counts.Values.Sum(v => v * v));
        foreach (var key in counts.Keys.ToList())
        {
            counts[key] /= norm == 0 ? 1 : norm;
        }

        return counts;
    }

    public static double Cosine(Dictionary<int, double> a, Dictionary<int, double> b)
    {
        var (small, large) = a.Count < b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (key, value) in small)
        {
            if (large.TryGetValue(key, out var other))
            {
                sum += value * other;
            }
        }

        return sum;
    }
}

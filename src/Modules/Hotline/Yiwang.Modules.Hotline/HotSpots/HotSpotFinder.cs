using System.Text.RegularExpressions;

namespace Yiwang.Modules.Hotline.HotSpots;

/// <summary>One message or ticket as hot-spot detection sees it.</summary>
internal sealed record HotSpotInput(string Id, string Title, string Text, DateTime AtUtc, int Votes);

/// <summary>A cluster of messages about the same problem in the same place, and its heat.</summary>
internal sealed record HotSpot(string Place, string Title, double Heat, int Count, int Votes, DateTime FirstUtc, DateTime LastUtc, IReadOnlyList<string> Ids);

/// <summary>
/// Hot spots (热点发现): messages about the same problem in the same place within a window, ranked by heat.
/// <para>Same place: the messages name a common place word (a road, estate, village, school, hospital… found by its
/// suffix), leaving out bare city and district names, which every message has. Same problem: the cosine of the
/// message's character-bigram vector (title counted twice) with the cluster's centroid is at least
/// <see cref="Similarity"/>. A message joins the most similar cluster that shares a place word and whose last message
/// is within the window (and whose first is within <see cref="MaxSpanWindows"/> windows), so a problem that keeps
/// being reported stays one hot spot without growing for ever.</para>
/// <para>Heat = Σ over the cluster's messages of (1 + log₂(1 + votes)) × 0.5^(age in days / half-life): each message
/// counts once, support (点赞) adds slowly, and old messages fade by half every <see cref="HalfLifeDays"/> days before
/// the newest message of the whole set.</para>
/// </summary>
internal static partial class HotSpotFinder
{
    public const double Similarity = 0.2;
    public const double HalfLifeDays = 30;

    /// <summary>A hot spot spans at most this many windows from its first message; after that a new one starts.</summary>
    public const int MaxSpanWindows = 3;

    private static readonly char[] Pronouns = ['我', '们', '本', '该', '这', '那', '此', '其', '各', '每', '某', '的', '个', '些', '附', '近', '在', '住', '到', '从', '是', '了', '和', '与', '对', '给', '被'];

    [GeneratedRegex(@"(?<name>[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{1,10}?)(?<suffix>街道|大道|小区|花园|社区|广场|公园|学校|学院|大学|中学|小学|幼儿园|医院|市场|大厦|公寓|路|街|巷|村|镇|乡|苑|湾|园|城|站|厂)")]
    private static partial Regex PlaceWord();

    [GeneratedRegex(@"^[A-Za-z]\d*[市区县]")]
    private static partial Regex AdministrativePrefix();

    // A leading city, district or county name (广安市, 武侯区): every message of a region has one.
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,3}[省市区县]")]
    private static partial Regex ChineseAdministrativePrefix();

    public static IReadOnlyList<HotSpot> Find(IEnumerable<HotSpotInput> messages, TimeSpan window, int top, int minimumCount = 2)
    {
        var ordered = messages.OrderBy(m => m.AtUtc).ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        var clusters = new List<Cluster>();
        var byPlace = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        foreach (var message in ordered)
        {
            var places = Places(message.Title + "。" + message.Text);
            var vector = Vector(message, places);
            Cluster? best = null;
            var bestScore = Similarity;
            foreach (var candidate in places.SelectMany(p => byPlace.GetValueOrDefault(p) ?? []).Distinct())
            {
                if (message.AtUtc - candidate.Members[^1].AtUtc > window || message.AtUtc - candidate.First.AtUtc > window * MaxSpanWindows)
                {
                    continue;
                }

                var score = candidate.Similarity(vector);
                if (score >= bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            if (best is null)
            {
                best = new Cluster(message, vector);
                clusters.Add(best);
            }

            best.Add(message, vector);
            foreach (var place in places)
            {
                best.Places[place] = best.Places.GetValueOrDefault(place) + 1;
                if (!byPlace.TryGetValue(place, out var list))
                {
                    byPlace[place] = list = [];
                }

                if (!list.Contains(best))
                {
                    list.Add(best);
                }
            }
        }

        var newest = ordered[^1].AtUtc;
        return [.. clusters.Where(c => c.Members.Count >= minimumCount)
            .Select(c => new HotSpot(
                c.Places.OrderByDescending(p => p.Value).ThenByDescending(p => p.Key.Length).Select(p => p.Key).FirstOrDefault() ?? "",
                c.First.Title, Heat(c.Members, newest), c.Members.Count, c.Members.Sum(m => m.Votes), c.Members[0].AtUtc, c.Members[^1].AtUtc,
                [.. c.Members.Select(m => m.Id)]))
            .OrderByDescending(h => h.Heat).Take(top)];
    }

    public static double Heat(IEnumerable<HotSpotInput> members, DateTime newest) =>
        members.Sum(m => (1 + Math.Log2(1 + Math.Max(0, m.Votes))) * Math.Pow(0.5, Math.Max(0, (newest - m.AtUtc).TotalDays) / HalfLifeDays));

    /// <summary>Place words of a text, without the leading city or district (A市A3区联丰路 → 联丰路).</summary>
    public static HashSet<string> Places(string text)
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in PlaceWord().Matches(text))
        {
            var word = match.Value;
            while (LeadingAdministrativeName(word) is var length and > 0 && word.Length - length >= 3)
            {
                word = word[length..];
            }

            // "我们小区", "在小区", "该学校" name no particular place: they would chain unrelated messages together.
            var name = word.Length - match.Groups["suffix"].Length;
            if (name >= 2 && !AdministrativePrefix().IsMatch(word) && word.IndexOfAny(Pronouns) < 0)
            {
                places.Add(word);
            }
        }

        return places;
    }

    private static int LeadingAdministrativeName(string word) =>
        AdministrativePrefix().Match(word) is { Success: true } placeholder ? placeholder.Length
        : ChineseAdministrativePrefix().Match(word) is { Success: true } name ? name.Length : 0;

    /// <summary>The topic vector: place words are taken out first, so that "same problem" does not simply repeat "same place".</summary>
    private static Dictionary<int, double> Vector(HotSpotInput message, HashSet<string> places)
    {
        string WithoutPlaces(string text) => places.Aggregate(text, (t, place) => t.Replace(place, " ", StringComparison.Ordinal));
        return BigramVectors.Of(WithoutPlaces(message.Title), WithoutPlaces(message.Text));
    }

    private sealed class Cluster(HotSpotInput first, Dictionary<int, double> vector)
    {
        private readonly Dictionary<int, double> _sum = new(vector);
        private double _norm = 1;

        public HotSpotInput First { get; } = first;
        public List<HotSpotInput> Members { get; } = [];
        public Dictionary<string, int> Places { get; } = new(StringComparer.Ordinal);

        /// <summary>Cosine with the centroid (the sum of the members' unit vectors).</summary>
        public double Similarity(Dictionary<int, double> vector) => BigramVectors.Cosine(vector, _sum) / _norm;

        public void Add(HotSpotInput message, Dictionary<int, double> vector)
        {
            if (Members.Count > 0)
            {
                foreach (var (key, value) in vector)
                {
                    _sum[key] = _sum.GetValueOrDefault(key) + value;
                }

                _norm = Math.Sqrt(_sum.Values.Sum(v => v * v));
            }

            Members.Add(message);
        }
    }
}

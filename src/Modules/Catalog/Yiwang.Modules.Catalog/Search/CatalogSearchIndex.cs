using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Paging;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Reference.Contracts;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Yiwang.Modules.Catalog.Search;

/// <summary>Where the index lives.</summary>
internal enum SearchIndexMode
{
    /// <summary>On disk in the data directory; a restart only catches up on changes (the default for serve).</summary>
    Persistent,
    /// <summary>In memory, rebuilt at every start.</summary>
    Memory,
    /// <summary>In memory and never built: CLI verbs, which must not take the server's index lock.</summary>
    Offline,
}

/// <summary>
/// The full-text index of published items. The database stays the source of truth: every app node keeps its own
/// index (on disk by default) and follows the database (see <see cref="CatalogIndexSync"/>).
/// </summary>
internal sealed class CatalogSearchIndex : IReadinessGate, IDisposable
{
    private const string WatermarkKey = "watermark";
    private const string FormatKey = "format";
    // Bump when the document layout changes: an index of another format is rebuilt.
    private const string Format = "1";

    private static readonly (string Field, float Boost)[] TextFields =
        [("name", 6f), ("aliases", 4f), ("dept", 2f), ("materials", 1f), ("conditions", 0.5f), ("result", 1f)];

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _queryAnalyzer = new ChineseGramAnalyzer(forIndexing: false);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();

    public CatalogSearchIndex(SearchIndexMode mode, string dataDirectory)
    {
        Mode = mode;
        _directory = mode == SearchIndexMode.Persistent
            ? new MMapDirectory(System.IO.Directory.CreateDirectory(Path.Combine(dataDirectory, "search", "catalog")))
            : new RAMDirectory();
        var config = new IndexWriterConfig(ChineseGramAnalyzer.Version, new ChineseGramAnalyzer(forIndexing: true))
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        var committed = _writer.CommitData;
        if (committed is null || !committed.TryGetValue(FormatKey, out var format) || format != Format)
        {
            _writer.DeleteAll();
            Watermark = null;
        }
        else if (committed.TryGetValue(WatermarkKey, out var mark) && long.TryParse(mark, out var ticks))
        {
            Watermark = new DateTime(ticks, DateTimeKind.Utc);
        }

        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    public SearchIndexMode Mode { get; }

    /// <summary>The last database change the committed index reflects; null when it must be built from scratch.</summary>
    public DateTime? Watermark { get; private set; }

    /// <summary>Empties the index (before a full rebuild).</summary>
    public void Clear()
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>Makes the changes durable together with the watermark they reach.</summary>
    public void Commit(DateTime watermark)
    {
        lock (_writeLock)
        {
            _writer.SetCommitData(new Dictionary<string, string>
            {
                [FormatKey] = Format,
                [WatermarkKey] = watermark.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            _writer.Commit();
            Watermark = watermark;
        }
    }

    public string Name => "catalog-search-index";

    public bool IsReady { get; private set; }

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public void MarkReady() => IsReady = true;

    public void Upsert(IEnumerable<IndexedItem> items)
    {
        lock (_writeLock)
        {
            foreach (var item in items)
            {
                _writer.UpdateDocument(new Term("code", item.Item.Code), ItemDocument.Build(item));
            }

            _searchers.MaybeRefreshBlocking();
        }
    }

    public void Remove(IEnumerable<string> codes)
    {
        lock (_writeLock)
        {
            foreach (var code in codes)
            {
                _writer.DeleteDocuments(new Term("code", code));
            }

            _searchers.MaybeRefreshBlocking();
        }
    }

    public PagedList<CatalogHit> Search(CatalogSearch search)
    {
        var query = BuildQuery(search, out var needles);
        var searcher = _searchers.Acquire();
        try
        {
            var page = search.Page;
            var top = searcher.Search(query, Math.Max(1, page.Skip + page.PageSize));
            var hits = new List<CatalogHit>(page.PageSize);
            for (var i = page.Skip; i < top.ScoreDocs.Length; i++)
            {
                var doc = searcher.Doc(top.ScoreDocs[i].Doc);
                hits.Add(ItemDocument.ToHit(doc, top.ScoreDocs[i].Score, needles));
            }

            return new PagedList<CatalogHit>(hits, top.TotalHits, page.Page, page.PageSize);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private Query BuildQuery(CatalogSearch search, out IReadOnlyList<string> needles)
    {
        needles = Highlighter.Needles(search.Text);
        var filters = new BooleanQuery();
        if (search.Region is { } region && RegionCode.Normalize(region) is { } regionCode)
        {
            filters.Add(new TermQuery(new Term("region", regionCode)), Occur.MUST);
        }

        AddTerm(filters, "deptcode", search.Department);
        AddTerm(filters, "type", search.TypeCode);
        AddTerm(filters, "kind", search.Kind?.ToString());
        foreach (var flag in search.Flags)
        {
            AddTerm(filters, "flag", flag);
        }

        if (search.MinOnlineDepth is { } depth)
        {
            filters.Add(NumericRangeQuery.NewInt32Range("depth", (int)depth, int.MaxValue, true, true), Occur.MUST);
        }

        var text = TextQuery(search.Text);
        if (filters.Clauses.Count == 0)
        {
            return text;
        }

        return new FilteredQuery(text, new QueryWrapperFilter(filters));
    }

    private Query TextQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllDocsQuery();
        }

        var terms = Analyze(text.Trim());
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            var perTerm = new BooleanQuery();
            foreach (var (field, boost) in TextFields)
            {
                perTerm.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }

            query.Add(perTerm, Occur.SHOULD);
        }

        // A long query rarely matches every bigram ("营业执照怎么办" has 照怎, 怎么…): require most, not all.
        query.MinimumNumberShouldMatch = terms.Count <= 3 ? terms.Count : (int)Math.Ceiling(terms.Count * 0.5);

        var code = text.Trim();
        if (code.Length >= 4 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            var either = new BooleanQuery
            {
                { new PrefixQuery(new Term("code", code)) { Boost = 10f }, Occur.SHOULD },
                { new PrefixQuery(new Term("basiccode", code)) { Boost = 5f }, Occur.SHOULD },
            };
            if (terms.Count > 0)
            {
                either.Add(query, Occur.SHOULD);
            }

            return either;
        }

        return terms.Count == 0 ? new MatchAllDocsQuery() : query;
    }

    private List<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = _queryAnalyzer.GetTokenStream("name", text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }

        stream.End();
        return [.. terms.Distinct()];
    }

    private static void AddTerm(BooleanQuery query, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(new TermQuery(new Term(field, value.Trim())), Occur.MUST);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}

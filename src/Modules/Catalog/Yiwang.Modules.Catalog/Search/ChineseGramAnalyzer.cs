using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Yiwang.Modules.Catalog.Search;

/// <summary>
/// Chinese text as overlapping character bigrams, plus single characters at index time so that one-character
/// queries (税, 房) also match. Lucene's SmartCn and every jieba package are missing from our registry mirror
/// (deps.md); bigrams give high recall for short administrative terms (户口, 结婚, 营业执照) without a dictionary.
/// </summary>
internal sealed class ChineseGramAnalyzer(bool forIndexing) : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        // At query time unigrams are only produced for lone characters, so "营业执照" asks for 营业/业执/执照.
        stream = new CJKBigramFilter(stream, CJKScript.ALL, outputUnigrams: forIndexing);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

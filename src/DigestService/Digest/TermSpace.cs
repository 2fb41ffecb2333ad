using System.Globalization;
using System.Text;
using DigestService.Store;

namespace DigestService.Digest;

/// <summary>A paper as weighted terms, L2-normalised, by term id; weights sorted by nothing in particular.</summary>
public sealed record TermVector(int[] Terms, float[] Weights);

/// <summary>
/// The terms of one send run. Text is cut into words as the full-text index cuts it (FTS5 unicode61 with diacritics
/// removed: lower case, letters and digits), each word weighted tf × idf: tf = 1 + ln(count, title ×3, AI keywords ×2,
/// abstract ×1, as bm25 weighs them) and idf = ln((N + 1) / (df + 1)) + 1 from the index's own document counts
/// (fts5vocab), so "model" says little about a paper and "mixture-of-experts" much.
/// </summary>
public sealed class TermSpace(IReadOnlyDictionary<string, int> documentCounts, int documents)
{
    private const int ShortestTerm = 3;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<double> _idf = [];
    private readonly Dictionary<int, double> _counts = [];

    public int Count => _ids.Count;

    public TermVector Vector(StoredPaper paper, int keep = int.MaxValue) =>
        Vector(paper.Title, string.Join(' ', paper.Keywords), paper.Abstract, keep);

    /// <summary>The normalised vector of a text in three parts; only the <paramref name="keep"/> heaviest terms when fewer are wanted.</summary>
    public TermVector Vector(string title, string keywords, string body, int keep = int.MaxValue)
    {
        _counts.Clear();
        CountWords(title, Ranking.Bm25Weights.Title);
        CountWords(keywords, Ranking.Bm25Weights.Keywords);
        CountWords(body, Ranking.Bm25Weights.Abstract);
        var weighted = _counts.Select(pair => (Term: pair.Key, Weight: (1 + Math.Log(pair.Value)) * _idf[pair.Key]));
        var terms = (keep < _counts.Count ? weighted.OrderByDescending(t => t.Weight).Take(keep) : weighted).ToArray();
        var norm = Math.Sqrt(terms.Sum(t => t.Weight * t.Weight));
        return norm == 0
            ? new TermVector([], [])
            : new TermVector(terms.Select(t => t.Term).ToArray(), terms.Select(t => (float)(t.Weight / norm)).ToArray());
    }

    private void CountWords(string text, double weight)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Add(word, weight);
        }
        Add(word, weight);
    }

    private void Add(StringBuilder word, double weight)
    {
        if (word.Length >= ShortestTerm && !IsNumber(word))
        {
            var id = Id(word.ToString());
            _counts[id] = _counts.GetValueOrDefault(id) + weight;
        }
        word.Clear();
    }

    private static bool IsNumber(StringBuilder word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (!char.IsDigit(word[i]))
                return false;
        }
        return true;
    }

    private int Id(string term)
    {
        if (_ids.TryGetValue(term, out var id))
            return id;
        _ids[term] = id = _ids.Count;
        _idf.Add(Math.Log((documents + 1.0) / (documentCounts.GetValueOrDefault(term) + 1.0)) + 1);
        return id;
    }
}

using DigestService.Store;

namespace DigestService.Digest;

/// <summary>
/// The papers an edition can carry (those listed in its window), each with its trending score, indexed 0..n-1, and the
/// global order everyone without topics or keywords gets. Read once per edition and shared by all its subscribers.
/// </summary>
public sealed class EditionCandidates
{
    private readonly Dictionary<long, int> _indexByDoc;

    public EditionCandidates(DateOnly edition, IReadOnlyList<CandidatePaper> candidates, IReadOnlyList<Sighting> sightings)
    {
        Edition = edition;
        Papers = candidates.Select(c => c.Paper).ToArray();
        DocIds = candidates.Select(c => c.DocId).ToArray();
        _indexByDoc = DocIds.Select((doc, index) => (doc, index)).ToDictionary(x => x.doc, x => x.index);
        var history = sightings.ToLookup(s => s.ArxivId, StringComparer.Ordinal);
        Trending = Papers.Select(p => Ranking.Trending(history[p.ArxivId], edition)).ToArray();
        TieRanks = Ranking.TieRanks(Papers);
        var everyone = Enumerable.Range(0, Papers.Length).Select(i => new Scored(Trending[i], TieRanks[i], i)).ToArray();
        Ranking.SortBest(everyone, everyone.Length);
        GlobalOrder = everyone.Select(s => s.Index).ToArray();
    }

    public DateOnly Edition { get; }

    public StoredPaper[] Papers { get; }

    public long[] DocIds { get; }

    public double[] Trending { get; }

    /// <summary>Each candidate's tie-break place (<see cref="Ranking.TieRanks"/>).</summary>
    public int[] TieRanks { get; }

    /// <summary>Every candidate, best trending first.</summary>
    public int[] GlobalOrder { get; }

    public long FirstDoc => DocIds.Length == 0 ? 0 : DocIds[0];

    public long LastDoc => DocIds.Length == 0 ? -1 : DocIds[^1];

    public int? IndexOf(long docId) => _indexByDoc.TryGetValue(docId, out var index) ? index : null;
}

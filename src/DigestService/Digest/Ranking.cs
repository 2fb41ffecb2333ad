using DigestService.Store;

namespace DigestService.Digest;

/// <summary>
/// The ranking formula, all in this one place.
/// <code>
/// heat     = Σ over the paper's listings up to the edition date D:  gainedᵢ × DailyDecay^−(D − listing dayᵢ, in days)
///            gainedᵢ = upvotes seen on listing i − the most seen on any earlier listing (never below 0)
/// trending = ln(1 + heat)
/// score    = trending                                            everyone's list (no topics, no keywords)
/// score    = trending + RelevanceWeight × bm25 / best bm25       topic and keyword subscribers
/// </code>
/// A vote counts a quarter as much for each day since the listing that brought it, so a paper listed today with 20 upvotes
/// (ln 21 ≈ 3.0) beats one listed two days ago with 200 (ln(1 + 200/16) ≈ 2.6), and a re-listed paper is hot again only
/// by the votes it gains anew. bm25 is FTS5's relevance over the subscriber's phrases (title weighted 3, AI keywords 2,
/// abstract 1); divided by the best bm25 among their matches it is a share in (0, 1], so the best match gains as much as
/// e times the votes would give. Ties go to more upvotes, then to the arXiv id.
/// </summary>
public static class Ranking
{
    public const double DailyDecay = 4;
    public const double RelevanceWeight = 1;
    public static readonly ColumnWeights Bm25Weights = new(Title: 3, Abstract: 1, Keywords: 2);

    /// <summary>The trending score of one paper for edition <paramref name="edition"/>, from its listings in date order.</summary>
    public static double Trending(IEnumerable<Sighting> listings, DateOnly edition)
    {
        double heat = 0;
        long most = 0;
        foreach (var listing in listings)
        {
            var day = listing.Day;
            if (day > edition)
                break;
            var gained = Math.Max(0, listing.Upvotes - most);
            most = Math.Max(most, listing.Upvotes);
            heat += gained * Math.Pow(DailyDecay, -(edition.DayNumber - day.DayNumber));
        }
        return Math.Log(1 + heat);
    }

    /// <summary>The score of a paper for a topic or keyword subscriber; <paramref name="bm25"/> and <paramref name="bestBm25"/> are negative.</summary>
    public static double Blend(double trending, double bm25, double bestBm25) => trending + RelevanceWeight * (bm25 / bestBm25);

    /// <summary>Candidate indexes best first: by score, then upvotes, then arXiv id.</summary>
    public static int[] Order(IEnumerable<int> candidates, Func<int, double> score, IReadOnlyList<StoredPaper> papers)
    {
        var ordered = candidates.ToArray();
        var scores = ordered.Select(score).ToArray();
        var positions = Enumerable.Range(0, ordered.Length).ToArray();
        Array.Sort(positions, (a, b) =>
        {
            var byScore = scores[b].CompareTo(scores[a]);
            if (byScore != 0)
                return byScore;
            var byVotes = papers[ordered[b]].Upvotes.CompareTo(papers[ordered[a]].Upvotes);
            return byVotes != 0 ? byVotes : string.CompareOrdinal(papers[ordered[a]].ArxivId, papers[ordered[b]].ArxivId);
        });
        return positions.Select(p => ordered[p]).ToArray();
    }
}

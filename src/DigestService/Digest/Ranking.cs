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
///
/// A reader who rated or seeded papers (Rocchio over tf-idf term vectors, see <see cref="TermSpace"/>):
/// learned  = mean cos(paper, liked) − DislikedWeight × mean cos(paper, disliked)
/// share    = (learned − mean learned) / (best learned − mean learned), over the edition's candidates
/// score   += ProfileWeight × share                                (a near twin of a disliked paper: − TwinShare instead)
/// score   += AuthorBoost                                          a paper by an author the reader follows
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

    /// <summary>
    /// What the paper most like a reader's taste gains over an average one: as much as e⁶ ≈ 400 times the votes, about the
    /// spread of trending itself, so taste decides and trend orders papers equally alike (figures in the README).
    /// </summary>
    public const double ProfileWeight = 6;

    /// <summary>Rocchio's γ: a dislike pushes away half as hard as a like pulls (each averaged over its kind).</summary>
    public const double DislikedWeight = 0.5;

    /// <summary>Cosine similarity from which a paper is a near twin of a disliked one and sinks below every untwinned paper.</summary>
    public const float TwinFrom = 0.4f;

    public const double TwinShare = 2 * ProfileWeight;

    /// <summary>Cosine similarity from which a liked paper is named in a Why line ("like …").</summary>
    public const float LikeNamedFrom = 0.1f;

    /// <summary>A topic reader also gets papers outside their topics whose learned score is at least this share of the best.</summary>
    public const double ProfileAdmitFrom = 0.5;

    /// <summary>Followed authors' papers come first, whatever else is trending.</summary>
    public const double AuthorBoost = 1000;

    private const double TwinMark = double.MinValue;

    /// <summary>
    /// Fills <paramref name="learned"/> (one slot per candidate) with the reader's Rocchio score and returns the scale
    /// that makes a share of it: the edition's mean (share 0) and best (share 1).
    /// </summary>
    public static LearnedScale Learned(ProfileItem[] items, ProfileMatcher matcher, double[] learned)
    {
        Array.Clear(learned);
        int liked = 0, disliked = 0;
        foreach (var item in items)
        {
            if (item.Weight > 0)
                liked++;
            else
                disliked++;
        }
        foreach (var item in items)
        {
            var similarities = matcher.Similarities(item.Key);
            var weight = item.Weight > 0 ? 1.0 / liked : -DislikedWeight / disliked;
            for (var c = 0; c < learned.Length; c++)
                learned[c] += weight * similarities[c];
        }
        var best = double.MinValue;
        var sum = 0.0;
        foreach (var score in learned)
        {
            best = Math.Max(best, score);
            sum += score;
        }
        foreach (var item in items)
        {
            if (item.Weight > 0)
                continue;
            var similarities = matcher.Similarities(item.Key);
            for (var c = 0; c < learned.Length; c++)
            {
                if (similarities[c] >= TwinFrom)
                    learned[c] = TwinMark;
            }
        }
        return learned.Length == 0 ? LearnedScale.Nothing : new LearnedScale(sum / learned.Length, best);
    }

    /// <summary>A reader's score of a candidate: its shared score plus what their ratings and follows add.</summary>
    public static double Personal(double shared, double learned, LearnedScale scale, bool followed) =>
        shared + ProfileWeight * scale.Share(learned) + (followed ? AuthorBoost : 0);

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

    /// <summary>
    /// Puts the best <paramref name="take"/> of <paramref name="scored"/> at its front, best first (the rest stays unordered):
    /// higher score, then more upvotes, then the smaller arXiv id (as <see cref="TieRanks"/> put them).
    /// </summary>
    public static void SortBest(Span<Scored> scored, int take)
    {
        if (take < scored.Length)
        {
            SelectBest(scored, take);
            scored = scored[..take];
        }
        scored.Sort(default(BestFirst));
    }

    /// <summary>Quickselect: moves the best <paramref name="take"/> to the front, in no order, in linear time on average.</summary>
    private static void SelectBest(Span<Scored> items, int take)
    {
        var order = default(BestFirst);
        int low = 0, high = items.Length - 1, nth = take - 1;
        while (low < high)
        {
            var pivot = items[low + (high - low) / 2];
            int i = low, j = high;
            while (i <= j)
            {
                while (order.Compare(items[i], pivot) < 0)
                    i++;
                while (order.Compare(items[j], pivot) > 0)
                    j--;
                if (i <= j)
                {
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }
            if (nth <= j)
                high = j;
            else if (nth >= i)
                low = i;
            else
                return;
        }
    }

    /// <summary>Each paper's place when ordered by upvotes (most first), then arXiv id: the tie-break of equal scores.</summary>
    public static int[] TieRanks(IReadOnlyList<StoredPaper> papers)
    {
        var byVotes = Enumerable.Range(0, papers.Count)
            .OrderByDescending(i => papers[i].Upvotes)
            .ThenBy(i => papers[i].ArxivId, StringComparer.Ordinal)
            .ToArray();
        var ranks = new int[papers.Count];
        for (var place = 0; place < byVotes.Length; place++)
            ranks[byVotes[place]] = place;
        return ranks;
    }

    private readonly struct BestFirst : IComparer<Scored>
    {
        public int Compare(Scored x, Scored y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.TieRank.CompareTo(y.TieRank);
        }
    }
}

/// <summary>
/// Where a reader's learned scores sit in one edition: a paper as alike to their taste as the average paper gains
/// nothing, the most alike gains the whole <see cref="Ranking.ProfileWeight"/>, one unlike it loses; a near twin of a
/// disliked paper loses <see cref="Ranking.TwinShare"/>.
/// </summary>
public readonly record struct LearnedScale(double Mean, double Best)
{
    public static readonly LearnedScale Nothing = new(0, 0);

    public double Share(double learned) =>
        learned == double.MinValue ? -Ranking.TwinShare : Best > Mean ? (learned - Mean) / (Best - Mean) : 0;
}

/// <summary>A candidate (by index) with its score and tie rank, as <see cref="Ranking.SortBest"/> orders them.</summary>
public readonly record struct Scored(double Score, int TieRank, int Index);

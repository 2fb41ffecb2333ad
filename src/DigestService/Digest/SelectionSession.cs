using DigestService.Config;
using DigestService.Store;

namespace DigestService.Digest;

/// <summary>
/// The selections of one send run. Each edition's candidates and sent papers are read once, each distinct phrase is
/// matched once, and each distinct set of interests is ranked once; a subscriber then costs a walk down a shared ranked
/// list. So a run makes a query per edition and per distinct phrase, never one per subscriber or per paper.
/// Not thread-safe: a run selects for its subscribers one after the other.
/// </summary>
public sealed class SelectionSession(EditionStore store, TopicCatalogOptions catalog, int windowDays)
{
    /// <summary>A weekly digest covers the week, however short the daily window is.</summary>
    public const int WeeklyWindowDays = 7;

    /// <summary>How much of a ranked list is ranked at first; enough for almost everyone, however many papers they had.</summary>
    public const int RankedHead = 50;

    private readonly Dictionary<(DateOnly Edition, int Days), EditionState> _editions = [];

    /// <summary>The papers of <paramref name="edition"/> for <paramref name="subscriber"/>: their interests, best first, none they had before.</summary>
    public async Task<IReadOnlyList<StoredPaper>> SelectAsync(Subscriber subscriber, DateOnly edition, CancellationToken cancellationToken = default)
    {
        var state = await EditionAsync(edition, WindowDays(subscriber), cancellationToken);
        state.Sent ??= new SentIndex(await store.SentToAsync(state.From, edition, cancellationToken));
        var ranked = await RankedAsync(state, subscriber, cancellationToken);
        var limit = (int)Math.Clamp(subscriber.MaxPapers, 1, int.MaxValue);
        var picked = new List<StoredPaper>(Math.Min(limit, ranked.Order.Length));
        var read = Pick(state, ranked.Order, 0, subscriber.Id, limit, picked);
        if (picked.Count < limit && !ranked.Complete)
        {
            ranked.Completed(await RankAsync(state, ranked.Phrases!, int.MaxValue, cancellationToken));
            Pick(state, ranked.Order, read, subscriber.Id, limit, picked);
        }
        return picked;
    }

    /// <summary>True when nothing at all is listed in the subscriber's window ending at <paramref name="edition"/> (not ingested yet).</summary>
    public async Task<bool> IsEmptyAsync(Subscriber subscriber, DateOnly edition, CancellationToken cancellationToken = default) =>
        (await EditionAsync(edition, WindowDays(subscriber), cancellationToken)).Candidates.Papers.Length == 0;

    /// <summary>Everyone's edition of a date, as the archive shows it: the global list, nothing left out for anyone.</summary>
    public async Task<IReadOnlyList<StoredPaper>> GlobalAsync(DateOnly edition, int limit, CancellationToken cancellationToken = default)
    {
        var candidates = (await EditionAsync(edition, windowDays, cancellationToken)).Candidates;
        return candidates.GlobalOrder.Take(limit).Select(i => candidates.Papers[i]).ToList();
    }

    /// <summary>Adds the papers of <paramref name="order"/> from <paramref name="start"/> on that the subscriber has not had; returns where it stopped.</summary>
    private static int Pick(EditionState state, int[] order, int start, long subscriberId, int limit, List<StoredPaper> picked)
    {
        var position = start;
        for (; position < order.Length && picked.Count < limit; position++)
        {
            var index = order[position];
            if (!state.Sent!.WasSent(state.Candidates.DocIds[index], subscriberId))
                picked.Add(state.Candidates.Papers[index]);
        }
        return position;
    }

    private int WindowDays(Subscriber subscriber) =>
        subscriber.Frequency == Frequency.Weekly ? Math.Max(WeeklyWindowDays, windowDays) : windowDays;

    private async Task<EditionState> EditionAsync(DateOnly edition, int days, CancellationToken cancellationToken)
    {
        if (_editions.TryGetValue((edition, days), out var state))
            return state;
        var from = edition.AddDays(1 - days);
        var candidates = await store.CandidatesAsync(from, edition, cancellationToken);
        var sightings = await store.SightingsAsync(from, edition, cancellationToken);
        return _editions[(edition, days)] = new EditionState(from, new EditionCandidates(edition, candidates, sightings));
    }

    private async Task<RankedList> RankedAsync(EditionState state, Subscriber subscriber, CancellationToken cancellationToken)
    {
        // Most subscribers share their topic and keyword text with others word for word: try that before normalising.
        var choice = (subscriber.Topics, subscriber.Keywords);
        if (state.ByChoice.TryGetValue(choice, out var ranked))
            return ranked;
        var phrases = Interests.Phrases(subscriber, catalog);
        if (phrases is null)
            return state.ByChoice[choice] = state.Everyone;
        var key = string.Join('\n', phrases);
        if (!state.ByPhrases.TryGetValue(key, out ranked))
        {
            var head = await RankAsync(state, phrases, RankedHead, cancellationToken);
            state.ByPhrases[key] = ranked = new RankedList(head, complete: head.Length < RankedHead, phrases);
        }
        return state.ByChoice[choice] = ranked;
    }

    /// <summary>The best <paramref name="take"/> candidates matching any of <paramref name="phrases"/>, best first.</summary>
    private async Task<int[]> RankAsync(EditionState state, string[] phrases, int take, CancellationToken cancellationToken)
    {
        // FTS5 scores an OR of phrases phrase by phrase and adds the scores up, so summing each phrase's bm25 gives
        // the bm25 of the whole query while each phrase's matches stay shared with everyone who uses it.
        var relevance = state.Relevance;
        var matched = state.Matched;
        foreach (var phrase in phrases)
        {
            var hits = await HitsAsync(state, phrase, cancellationToken);
            for (var i = 0; i < hits.Indexes.Length; i++)
            {
                if (relevance[hits.Indexes[i]] == 0)
                    matched.Add(hits.Indexes[i]);
                relevance[hits.Indexes[i]] += hits.Bm25[i];
            }
        }
        var best = 0.0;
        foreach (var index in matched)
            best = Math.Min(best, relevance[index]);
        var scored = state.Scored.AsSpan(0, matched.Count);
        var candidates = state.Candidates;
        for (var k = 0; k < matched.Count; k++)
        {
            var index = matched[k];
            scored[k] = new Scored(Ranking.Blend(candidates.Trending[index], relevance[index], best), candidates.TieRanks[index], index);
            relevance[index] = 0;
        }
        matched.Clear();
        var order = new int[Math.Min(take, scored.Length)];
        Ranking.SortBest(scored, order.Length);
        for (var k = 0; k < order.Length; k++)
            order[k] = scored[k].Index;
        return order;
    }

    private async Task<PhraseHits> HitsAsync(EditionState state, string phrase, CancellationToken cancellationToken)
    {
        if (state.Hits.TryGetValue(phrase, out var hits))
            return hits;
        var candidates = state.Candidates;
        var matches = await store.MatchAsync(phrase, candidates.FirstDoc, candidates.LastDoc, Ranking.Bm25Weights, cancellationToken);
        var indexes = new List<int>(matches.Count);
        var scores = new List<double>(matches.Count);
        foreach (var match in matches)
        {
            if (candidates.IndexOf(match.DocId) is { } index)
            {
                indexes.Add(index);
                scores.Add(match.Bm25);
            }
        }
        return state.Hits[phrase] = new PhraseHits([.. indexes], [.. scores]);
    }

    /// <summary>The candidates one phrase matches, by index, with their bm25 (always negative, so 0 means "not yet summed").</summary>
    private sealed record PhraseHits(int[] Indexes, double[] Bm25);

    private sealed class EditionState(DateOnly from, EditionCandidates candidates)
    {
        public DateOnly From { get; } = from;
        public EditionCandidates Candidates { get; } = candidates;
        public RankedList Everyone { get; } = new(candidates.GlobalOrder, complete: true, phrases: null);
        public SentIndex? Sent { get; set; }
        public Dictionary<string, PhraseHits> Hits { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, RankedList> ByPhrases { get; } = new(StringComparer.Ordinal);
        public Dictionary<(string Topics, string Keywords), RankedList> ByChoice { get; } = [];

        // Scratch space for ranking, one slot per candidate, reused by every ranking of this edition.
        public double[] Relevance { get; } = new double[candidates.Papers.Length];
        public List<int> Matched { get; } = new(candidates.Papers.Length);
        public Scored[] Scored { get; } = new Scored[candidates.Papers.Length];
    }
}

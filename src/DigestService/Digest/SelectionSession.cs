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

    private readonly Dictionary<(DateOnly Edition, int Days), EditionState> _editions = [];

    /// <summary>The papers of <paramref name="edition"/> for <paramref name="subscriber"/>: their interests, best first, none they had before.</summary>
    public async Task<IReadOnlyList<StoredPaper>> SelectAsync(Subscriber subscriber, DateOnly edition, CancellationToken cancellationToken = default)
    {
        var state = await EditionAsync(edition, WindowDays(subscriber), cancellationToken);
        state.Sent ??= new SentIndex(await store.SentToAsync(state.From, edition, cancellationToken));
        var order = await RankingAsync(state, subscriber, cancellationToken);
        var limit = (int)Math.Max(1, subscriber.MaxPapers);
        var picked = new List<StoredPaper>(Math.Min(limit, order.Length));
        foreach (var index in order)
        {
            if (state.Sent.WasSent(state.Candidates.DocIds[index], subscriber.Id))
                continue;
            picked.Add(state.Candidates.Papers[index]);
            if (picked.Count == limit)
                break;
        }
        return picked;
    }

    /// <summary>Everyone's edition of a date, as the archive shows it: the global list, nothing left out for anyone.</summary>
    public async Task<IReadOnlyList<StoredPaper>> GlobalAsync(DateOnly edition, int limit, CancellationToken cancellationToken = default)
    {
        var candidates = (await EditionAsync(edition, windowDays, cancellationToken)).Candidates;
        return candidates.GlobalOrder.Take(limit).Select(i => candidates.Papers[i]).ToList();
    }

    private int WindowDays(Subscriber subscriber) =>
        subscriber.Frequency == "weekly" ? Math.Max(WeeklyWindowDays, windowDays) : windowDays;

    private async Task<EditionState> EditionAsync(DateOnly edition, int days, CancellationToken cancellationToken)
    {
        if (_editions.TryGetValue((edition, days), out var state))
            return state;
        var from = edition.AddDays(1 - days);
        var candidates = await store.CandidatesAsync(from, edition, cancellationToken);
        var sightings = await store.SightingsAsync(from, edition, cancellationToken);
        return _editions[(edition, days)] = new EditionState(from, new EditionCandidates(edition, candidates, sightings));
    }

    private async Task<int[]> RankingAsync(EditionState state, Subscriber subscriber, CancellationToken cancellationToken)
    {
        // Most subscribers share their topic and keyword text with others word for word: try that before normalising.
        var choice = (subscriber.Topics, subscriber.Keywords);
        if (state.ByChoice.TryGetValue(choice, out var order))
            return order;
        var phrases = Interests.Phrases(subscriber, catalog);
        if (phrases is null)
            return state.ByChoice[choice] = state.Candidates.GlobalOrder;
        var key = string.Join('\n', phrases);
        if (!state.ByPhrases.TryGetValue(key, out order))
            state.ByPhrases[key] = order = await RankAsync(state, phrases, cancellationToken);
        return state.ByChoice[choice] = order;
    }

    private async Task<int[]> RankAsync(EditionState state, string[] phrases, CancellationToken cancellationToken)
    {
        // FTS5 scores an OR of phrases phrase by phrase and adds the scores up, so summing each phrase's bm25 gives
        // the bm25 of the whole query while each phrase's matches stay shared with everyone who uses it.
        var relevance = new Dictionary<int, double>();
        foreach (var phrase in phrases)
        {
            foreach (var (index, bm25) in await MatchesAsync(state, phrase, cancellationToken))
                relevance[index] = relevance.GetValueOrDefault(index) + bm25;
        }
        if (relevance.Count == 0)
            return [];
        var best = relevance.Values.Min();
        var candidates = state.Candidates;
        return Ranking.Order(relevance.Keys, i => Ranking.Blend(candidates.Trending[i], relevance[i], best), candidates.Papers);
    }

    private async Task<IReadOnlyList<(int Index, double Bm25)>> MatchesAsync(EditionState state, string phrase, CancellationToken cancellationToken)
    {
        if (state.Matches.TryGetValue(phrase, out var hits))
            return hits;
        var candidates = state.Candidates;
        var matches = await store.MatchAsync(phrase, candidates.FirstDoc, candidates.LastDoc, Ranking.Bm25Weights, cancellationToken);
        hits = matches
            .Select(m => (Index: candidates.IndexOf(m.DocId), m.Bm25))
            .Where(m => m.Index is not null)
            .Select(m => (m.Index!.Value, m.Bm25))
            .ToList();
        return state.Matches[phrase] = hits;
    }

    private sealed class EditionState(DateOnly from, EditionCandidates candidates)
    {
        public DateOnly From { get; } = from;
        public EditionCandidates Candidates { get; } = candidates;
        public SentIndex? Sent { get; set; }
        public Dictionary<string, IReadOnlyList<(int Index, double Bm25)>> Matches { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int[]> ByPhrases { get; } = new(StringComparer.Ordinal);
        public Dictionary<(string Topics, string Keywords), int[]> ByChoice { get; } = [];
    }
}

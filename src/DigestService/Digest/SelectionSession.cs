using DigestService.Config;
using DigestService.Store;

namespace DigestService.Digest;

/// <summary>
/// The selections of one send run. Each edition's candidates and sent papers are read once, each distinct phrase is
/// matched once, and each distinct set of interests is ranked once; a subscriber then costs a walk down a shared ranked
/// list. A reader with ratings, a library or followed authors is ranked on their own, from similarities shared per rated paper. So a run makes a query per edition and per distinct phrase, never one per subscriber or per paper.
/// Not thread-safe: a run selects for its subscribers one after the other.
/// </summary>
public sealed class SelectionSession(EditionStore store, ProfileStore profileStore, TopicCatalogOptions catalog, int windowDays)
{
    /// <summary>A weekly digest covers the week, however short the daily window is.</summary>
    public const int WeeklyWindowDays = 7;

    /// <summary>How much of a ranked list is ranked at first; enough for almost everyone, however many papers they had.</summary>
    public const int RankedHead = 50;

    private readonly Dictionary<(DateOnly Edition, int Days), EditionState> _editions = [];
    private ReaderProfiles? _profiles;

    /// <summary>The papers of <paramref name="edition"/> for <paramref name="subscriber"/>: their interests, best first, none they had before, each with why.</summary>
    public async Task<Selection> SelectAsync(Subscriber subscriber, DateOnly edition, CancellationToken cancellationToken = default)
    {
        var state = await EditionAsync(edition, WindowDays(subscriber), cancellationToken);
        state.Sent ??= new SentIndex(await store.SentToAsync(state.From, edition, cancellationToken));
        var (ranked, labels) = await RankedAsync(state, subscriber, cancellationToken);
        var limit = (int)Math.Clamp(subscriber.MaxPapers, 1, int.MaxValue);
        var picked = new List<int>(Math.Min(limit, state.Candidates.Papers.Length));
        _profiles ??= await ReaderProfiles.LoadAsync(profileStore, cancellationToken);
        var profile = _profiles.For(subscriber.Id);
        var followed = subscriber.Authors.Length == 0 ? FollowedAuthors.None : state.Authors.Followed(subscriber.FollowedAuthors);
        if (profile.Length == 0 && followed.Count == 0)
        {
            var read = Pick(state, ranked.Order, 0, subscriber.Id, limit, picked);
            if (picked.Count < limit && !ranked.Complete)
            {
                ranked.Completed(await RankAsync(state, ranked.Phrases!, int.MaxValue, cancellationToken));
                Pick(state, ranked.Order, read, subscriber.Id, limit, picked);
            }
        }
        else
        {
            await PersonalPickAsync(state, ranked.Phrases, profile, followed, subscriber.Id, limit, picked, cancellationToken);
        }
        // Why lines are worked out when a digest is rendered, from facts this session already holds: a run selects for
        // every reader, and most of a Why costs nothing until it is read.
        return new Selection(state.Candidates.Papers, picked, labels, followed, profile, profile.Length > 0 ? state.Matcher(_profiles) : null);
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
    private static int Pick(EditionState state, ReadOnlySpan<int> order, int start, long subscriberId, int limit, List<int> picked)
    {
        var position = start;
        for (; position < order.Length && picked.Count < limit; position++)
        {
            var index = order[position];
            if (!state.Sent!.WasSent(state.Candidates.DocIds[index], subscriberId))
                picked.Add(index);
        }
        return position;
    }

    /// <summary>
    /// A reader who rated, seeded or follows: their own ranking of what their topics match (everything, without topics),
    /// of the papers most like what they liked, and of their followed authors' papers (<see cref="Ranking.Personal"/>).
    /// </summary>
    private async Task PersonalPickAsync(EditionState state, string[]? phrases, ProfileItem[] profile, IReadOnlyDictionary<int, string> followed,
        long subscriberId, int limit, List<int> picked, CancellationToken cancellationToken)
    {
        var candidates = state.Candidates;
        var learned = state.Learned;
        var scale = profile.Length > 0 ? Ranking.Learned(profile, state.Matcher(_profiles!), learned) : LearnedScale.Nothing;
        if (profile.Length == 0)
            Array.Clear(learned);
        var shared = state.Shared;
        var admitted = state.Admitted;
        if (phrases is null)
        {
            candidates.Trending.CopyTo(shared, 0);
            Array.Fill(admitted, true);
        }
        else
        {
            Array.Fill(admitted, false);
            for (var c = 0; c < shared.Length; c++)
            {
                shared[c] = candidates.Trending[c];
                admitted[c] = followed.ContainsKey(c) || scale.Share(learned[c]) >= Ranking.ProfileAdmitFrom;
            }
            await RelevanceAsync(state, phrases, (index, relevance, best) =>
            {
                shared[index] = Ranking.Blend(candidates.Trending[index], relevance, best);
                admitted[index] = true;
            }, cancellationToken);
        }
        var count = 0;
        var scored = state.Scored;
        for (var c = 0; c < shared.Length; c++)
        {
            if (admitted[c])
                scored[count++] = new Scored(Ranking.Personal(shared[c], learned[c], scale, followed.ContainsKey(c)), candidates.TieRanks[c], c);
        }
        var span = scored.AsSpan(0, count);
        var head = Math.Min(count, RankedHead);
        Ranking.SortBest(span, head);
        var order = state.Order;
        for (var k = 0; k < count; k++)
            order[k] = span[k].Index;
        var read = Pick(state, order.AsSpan(0, head), 0, subscriberId, limit, picked);
        if (picked.Count < limit && head < count)
        {
            Ranking.SortBest(span, count);
            for (var k = 0; k < count; k++)
                order[k] = span[k].Index;
            Pick(state, order.AsSpan(0, count), read, subscriberId, limit, picked);
        }
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

    private async Task<(RankedList Ranked, WhyLabels Labels)> RankedAsync(EditionState state, Subscriber subscriber, CancellationToken cancellationToken)
    {
        // Most subscribers share their topic and keyword text with others word for word: try that before normalising.
        var choice = (subscriber.Topics, subscriber.Keywords);
        if (state.ByChoice.TryGetValue(choice, out var chosen))
            return chosen;
        var labeled = Interests.Labeled(subscriber, catalog);
        var phrases = labeled is null ? null : Interests.Phrases(labeled);
        if (labeled is null || phrases is null)
            return state.ByChoice[choice] = (state.Everyone, WhyLabels.None);
        var key = string.Join('\n', phrases);
        if (!state.ByPhrases.TryGetValue(key, out var ranked))
        {
            var head = await RankAsync(state, phrases, RankedHead, cancellationToken);
            state.ByPhrases[key] = ranked = new RankedList(head, complete: head.Length < RankedHead, phrases);
        }
        var matches = new int[labeled.Count][];
        for (var i = 0; i < labeled.Count; i++)
            matches[i] = await LabelMatchesAsync(state, labeled[i].Label, labeled[i].Phrases, cancellationToken);
        return state.ByChoice[choice] = (ranked, new WhyLabels(labeled.Select(l => l.Label).ToArray(), matches));
    }

    /// <summary>The candidates a topic or keyword matches, sorted, shared by every reader who chose it (a label names one topic or keyword).</summary>
    private async Task<int[]> LabelMatchesAsync(EditionState state, string label, string[] phrases, CancellationToken cancellationToken)
    {
        var key = label;
        if (state.LabelMatches.TryGetValue(key, out var matches))
            return matches;
        var all = new SortedSet<int>();
        foreach (var phrase in phrases)
            all.UnionWith((await HitsAsync(state, phrase, cancellationToken)).Indexes);
        return state.LabelMatches[key] = [.. all];
    }

    /// <summary>The best <paramref name="take"/> candidates matching any of <paramref name="phrases"/>, best first.</summary>
    private async Task<int[]> RankAsync(EditionState state, string[] phrases, int take, CancellationToken cancellationToken)
    {
        var scored = state.Scored;
        var count = 0;
        var candidates = state.Candidates;
        await RelevanceAsync(state, phrases, (index, relevance, best) =>
            scored[count++] = new Scored(Ranking.Blend(candidates.Trending[index], relevance, best), candidates.TieRanks[index], index), cancellationToken);
        var span = scored.AsSpan(0, count);
        var order = new int[Math.Min(take, span.Length)];
        Ranking.SortBest(span, order.Length);
        for (var k = 0; k < order.Length; k++)
            order[k] = span[k].Index;
        return order;
    }

    /// <summary>Calls <paramref name="each"/> with every candidate the phrases match, its summed bm25 and the best of them.</summary>
    private async Task RelevanceAsync(EditionState state, string[] phrases, Action<int, double, double> each, CancellationToken cancellationToken)
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
        foreach (var index in matched)
        {
            each(index, relevance[index], best);
            relevance[index] = 0;
        }
        matched.Clear();
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
        public Dictionary<(string Topics, string Keywords), (RankedList, WhyLabels)> ByChoice { get; } = [];
        public Dictionary<string, int[]> LabelMatches { get; } = new(StringComparer.Ordinal);
        public FollowedAuthors Authors => _authors ??= new FollowedAuthors(Candidates.Papers);
        private FollowedAuthors? _authors;
        private ProfileMatcher? _matcher;

        public ProfileMatcher Matcher(ReaderProfiles profiles) => _matcher ??= new ProfileMatcher(Candidates, profiles);

        // Scratch space for ranking, one slot per candidate, reused by every ranking of this edition.
        public double[] Relevance { get; } = new double[candidates.Papers.Length];
        public List<int> Matched { get; } = new(candidates.Papers.Length);
        public Scored[] Scored { get; } = new Scored[candidates.Papers.Length];
        public int[] Order { get; } = new int[candidates.Papers.Length];
        public double[] Learned { get; } = new double[candidates.Papers.Length];
        public double[] Shared { get; } = new double[candidates.Papers.Length];
        public bool[] Admitted { get; } = new bool[candidates.Papers.Length];
    }
}

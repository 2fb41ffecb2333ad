using Dapper;

namespace DigestService.Store;

/// <summary>A paper of an edition's window and the stable id its full-text matches carry.</summary>
public sealed record CandidatePaper(long DocId, StoredPaper Paper);

/// <summary>One day a paper was listed and the upvotes it had on that listing.</summary>
public sealed record Sighting
{
    public string ArxivId { get; init; } = "";
    public string ListedOn { get; init; } = "";
    public long Upvotes { get; init; }

    public DateOnly Day => Iso.ParseDate(ListedOn);
}

/// <summary>A full-text hit: the paper's search id and its bm25 score for the phrase (negative; lower is more relevant).</summary>
public readonly record struct PhraseMatch(long DocId, double Bm25);

/// <summary>bm25 weights of the indexed columns, in index order.</summary>
public readonly record struct ColumnWeights(double Title, double Abstract, double Keywords);

/// <summary>The reads an edition is planned from: its window's papers and history, full-text matches, and who had what.</summary>
public sealed class EditionStore(Database database)
{
    public async Task<IReadOnlyList<CandidatePaper>> CandidatesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long, StoredPaper, CandidatePaper>(
            database.Sql["EditionCandidates"], (docId, paper) => new CandidatePaper(docId, paper), Window(from, to), splitOn: "ArxivId");
        return rows.ToList();
    }

    public async Task<IReadOnlyList<Sighting>> SightingsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Sighting>(database.Sql["EditionSightings"], Window(from, to))).ToList();
    }

    /// <summary>The subscribers who already had each paper of the window, by search id, each list sorted for binary search.</summary>
    public async Task<IReadOnlyDictionary<long, long[]>> SentToAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Read by hand: this is the one query of a send that can return a row per subscriber, so no per-row objects.
        await using var reader = await connection.ExecuteReaderAsync(database.Sql["EditionSentTo"], Window(from, to));
        var lists = new Dictionary<long, List<long>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var docId = reader.GetInt64(0);
            if (!lists.TryGetValue(docId, out var subscribers))
                lists[docId] = subscribers = [];
            subscribers.Add(reader.GetInt64(1));
        }
        return lists.ToDictionary(pair => pair.Key, pair =>
        {
            var sorted = pair.Value.ToArray();
            Array.Sort(sorted);
            return sorted;
        });
    }

    /// <summary>
    /// The papers with search ids from <paramref name="firstDoc"/> to <paramref name="lastDoc"/> that a phrase matches.
    /// The phrase is written as FtsQuery writes it (one quoted FTS5 phrase, <c>*</c> after it for a prefix): SQLite
    /// runs it as it is; PostgreSQL gets back its plain text and whether the last word is a prefix.
    /// </summary>
    public async Task<IReadOnlyList<PhraseMatch>> MatchAsync(string match, long firstDoc, long lastDoc, ColumnWeights weights, CancellationToken cancellationToken = default)
    {
        var prefix = match.EndsWith('*');
        var quoted = prefix ? match[..^1] : match;
        var text = quoted[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(database.Sql["MatchPhrase"], new
        {
            Match = match,
            Text = text,
            Prefix = prefix,
            FirstDoc = firstDoc,
            LastDoc = lastDoc,
            TitleWeight = weights.Title,
            AbstractWeight = weights.Abstract,
            KeywordsWeight = weights.Keywords,
        });
        var matches = new List<PhraseMatch>();
        while (await reader.ReadAsync(cancellationToken))
            matches.Add(new PhraseMatch(reader.GetInt64(0), reader.GetDouble(1)));
        return matches;
    }

    /// <summary>The days that have a listing, newest first, skipping the <paramref name="offset"/> newest.</summary>
    public async Task<IReadOnlyList<DateOnly>> ListingDaysAsync(int limit, long offset, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var days = await connection.QueryAsync<string>(database.Sql["ListingDays"], new { Limit = limit, Offset = offset });
        return days.Select(Iso.ParseDate).ToList();
    }

    /// <summary>
    /// The digest one subscriber got for <paramref name="edition"/>: its outbox state (null when none was made) and its
    /// papers in the order sent, each with its Why line (null for digests sent before Why lines were kept).
    /// </summary>
    public async Task<(string? State, IReadOnlyList<(StoredPaper Paper, string? Why)> Papers)> SentEditionAsync(long subscriberId, DateOnly edition, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parameters = new { SubscriberId = subscriberId, Edition = Iso.Date(edition) };
        var state = await connection.ExecuteScalarAsync<string?>(database.Sql["EditionDeliveryState"], parameters);
        var papers = await connection.QueryAsync<string?, StoredPaper, (StoredPaper, string?)>(
            database.Sql["SentEditionPapers"], (why, paper) => (paper, why), parameters, splitOn: "ArxivId");
        return (state, papers.ToList());
    }

    /// <summary>The listing days just before and after <paramref name="day"/>, when there are.</summary>
    public async Task<(DateOnly? Previous, DateOnly? Next)> NeighbourDaysAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(string? Previous, string? Next)>(database.Sql["NeighbourListingDays"], new { Day = Iso.Date(day) });
        return (row.Previous is null ? null : Iso.ParseDate(row.Previous), row.Next is null ? null : Iso.ParseDate(row.Next));
    }

    private static object Window(DateOnly from, DateOnly to) => new { From = Iso.Date(from), To = Iso.Date(to) };
}

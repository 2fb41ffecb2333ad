using Dapper;

namespace DigestService.Store;

/// <summary>A paper a reader rated or seeded, as the preferences page lists it.</summary>
public sealed record ProfileEntry
{
    public string PaperKey { get; init; } = "";
    public long Weight { get; init; }
    public string Source { get; init; } = "";
    public string Title { get; init; } = "";
}

/// <summary>One entry of a library upload: its arXiv id when it has one, and its own text.</summary>
public sealed record LibraryEntry(string? ArxivId, string Title, string Abstract);

/// <summary>One row of a reader's profile as a send run reads it; <see cref="Title"/> is null when the store has the paper.</summary>
public readonly record struct ProfileRow(long SubscriberId, string PaperKey, int Weight, string? Title, string? Body);

/// <summary>The text of a stored paper that some reader rated or seeded.</summary>
public sealed record ProfilePaperText
{
    public string ArxivId { get; init; } = "";
    public string Title { get; init; } = "";
    public string Abstract { get; init; } = "";
    public string? AiKeywords { get; init; }
}

/// <summary>What readers taught the digest: ratings from the email, seeded libraries, followed authors; and the term counts ranking weighs them by.</summary>
public sealed class ProfileStore(Database database, TimeProvider clock)
{
    public const string TitleKeyPrefix = "title:";

    /// <summary>Records "more" (+1) or "less" (−1); the same rating again changes nothing.</summary>
    public async Task RateAsync(long subscriberId, string arxivId, int weight, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["RatePaper"], new { SubscriberId = subscriberId, ArxivId = arxivId, Weight = weight, Now = Iso.Instant(clock.GetUtcNow()) });
    }

    /// <summary>Forgets one rated or seeded paper; true when there was one.</summary>
    public async Task<bool> UnrateAsync(long subscriberId, string paperKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(database.Sql["UnratePaper"], new { SubscriberId = subscriberId, PaperKey = paperKey }) > 0;
    }

    public async Task<IReadOnlyList<ProfileEntry>> EntriesAsync(long subscriberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ProfileEntry>(database.Sql["SubscriberProfile"], new { SubscriberId = subscriberId })).ToList();
    }

    public async Task<StoredPaper?> PaperAsync(string arxivId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredPaper>(database.Sql["PaperById"], new { ArxivId = arxivId });
    }

    /// <summary>
    /// Adds library entries as liked papers in one transaction: a paper our store has is learned from as stored, any
    /// other from the entry's own title and abstract. Returns how many were added (entries already there are kept).
    /// </summary>
    public Task<int> SeedAsync(long subscriberId, IReadOnlyList<LibraryEntry> entries, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            var added = 0;
            foreach (var entry in entries)
            {
                var stored = entry.ArxivId is { } id
                    && await connection.ExecuteScalarAsync<string?>(database.Sql["PaperById"], new { ArxivId = id }, transaction) is not null;
                if (!stored && entry.Title.Length == 0)
                    continue;
                var key = entry.ArxivId ?? TitleKeyPrefix + entry.Title.ToLowerInvariant();
                added += await connection.ExecuteAsync(database.Sql["AddLibraryEntry"], new
                {
                    SubscriberId = subscriberId,
                    PaperKey = key,
                    Title = stored ? null : entry.Title,
                    Body = stored ? null : entry.Abstract,
                    Now = now,
                }, transaction);
            }
            return added;
        }, cancellationToken);

    public async Task SaveAuthorsAsync(long subscriberId, IReadOnlyList<string> authors, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["SaveAuthors"], new { Id = subscriberId, Authors = string.Join(", ", authors) });
    }

    /// <summary>Hands every active reader's profile rows, in reader order, to <paramref name="each"/> as they are read (a send run reads one row per rating).</summary>
    public async Task ReadRowsAsync(Action<ProfileRow> each, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(database.Sql["ProfileRows"]);
        while (await reader.ReadAsync(cancellationToken))
        {
            each(new ProfileRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
    }

    public async Task<IReadOnlyList<ProfilePaperText>> PaperTextsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ProfilePaperText>(database.Sql["ProfilePaperTexts"])).ToList();
    }

    /// <summary>How many papers hold each indexed term, and how many papers there are.</summary>
    public async Task<(IReadOnlyDictionary<string, int> Counts, int Documents)> TermDocumentCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var reader = await connection.ExecuteReaderAsync(database.Sql["TermDocumentCounts"]))
        {
            while (await reader.ReadAsync(cancellationToken))
                counts[reader.GetString(0)] = reader.GetInt32(1);
        }
        var documents = await connection.ExecuteScalarAsync<int>(database.Sql["CountSearchDocuments"]);
        return (counts, documents);
    }
}

using System.Text.Json;
using Dapper;

namespace DigestService.Store;

public sealed record UpsertCounts(int Fetched, int New, int Updated);

public sealed class PaperStore(Database database, TimeProvider clock)
{
    /// <summary>
    /// Stores one source's papers in a single transaction: all of them or, on any error, none.
    /// A paper listed on several days stays one row; each (paper, day) is one sighting.
    /// </summary>
    public Task<UpsertCounts> UpsertAsync(IReadOnlyList<FeedPaper> papers, string source, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            var before = await connection.ExecuteScalarAsync<long>(database.Sql["CountPapers"], transaction: transaction);
            foreach (var paper in papers.OrderBy(p => p.ListedOn))
            {
                var row = new
                {
                    paper.ArxivId, paper.Title, paper.Abstract,
                    Authors = JsonSerializer.Serialize(paper.Authors),
                    paper.Upvotes, paper.Comments, paper.AiSummary,
                    AiKeywords = paper.AiKeywords.Count > 0 ? JsonSerializer.Serialize(paper.AiKeywords) : null,
                    paper.GithubRepo, paper.GithubStars, paper.ProjectPage,
                    paper.Thumbnail, paper.Organization, paper.SubmittedBy,
                    Categories = paper.Categories.Count > 0 ? JsonSerializer.Serialize(paper.Categories) : null,
                    PublishedAt = paper.PublishedAt is { } published ? Iso.Instant(published) : null,
                    ListedOn = Iso.Date(paper.ListedOn),
                    Source = source,
                    Now = now,
                };
                await connection.ExecuteAsync(database.Sql["UpsertPaper"], row, transaction);
                await connection.ExecuteAsync(database.Sql["UpsertSighting"], row, transaction);
            }
            var after = await connection.ExecuteScalarAsync<long>(database.Sql["CountPapers"], transaction: transaction);
            var distinct = papers.Select(p => p.ArxivId).Distinct(StringComparer.Ordinal).Count();
            var added = (int)(after - before);
            return new UpsertCounts(distinct, added, distinct - added);
        }, cancellationToken);
}

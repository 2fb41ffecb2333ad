using System.Globalization;
using DigestService.Config;
using DigestService.Digest;
using DigestService.Store;
using Microsoft.Extensions.Options;
using DigestService.Links;

namespace DigestService.Web.Archive;

/// <summary>
/// <c>GET /archive/{date}</c>: everyone's trending edition of a day as a page (the "view in browser" link of every digest);
/// <c>GET /archive/feed.xml</c>: the latest editions as RSS 2.0; <c>GET /archive</c>: the list of editions (<see cref="ArchiveListPage"/>).
/// </summary>
public static class ArchiveEndpoints
{
    /// <summary>How many of the latest editions the feed carries.</summary>
    public const int FeedEditions = 30;

    /// <summary>How the pages write an edition's date: "Friday, August 14, 2026".</summary>
    public const string LongDate = "dddd, MMMM d, yyyy";

    public static WebApplication MapArchive(this WebApplication app)
    {
        app.MapGet("/archive", ArchiveListPage.RenderAsync);
        app.MapGet("/archive/feed.xml", FeedAsync);
        app.MapGet("/archive/latest", LatestAsync);
        app.MapGet("/archive/{date}", PageAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(string date, PaperSelector selector, EditionStore store, WebPages pages, IOptions<DigestOptions> digest, CancellationToken cancellationToken)
    {
        var papers = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var edition) && EditionRange.Contains(edition)
            ? await selector.StartSession().GlobalAsync(edition, digest.Value.MaxPapers, cancellationToken)
            : [];
        // A malformed date, or a day with no papers in its window, is no edition.
        if (papers.Count == 0)
        {
            return pages.Message("No edition for this date", "There is no edition for this date: no papers were listed in the days before it.",
                StatusCodes.Status404NotFound, new PageLink("/", "Get the trending papers of your topics by email"));
        }
        var shown = edition.ToString(LongDate, CultureInfo.InvariantCulture);
        var (previous, next) = await store.NeighbourDaysAsync(edition, cancellationToken);
        return pages.Page("archive", $"Trending papers, {shown}", new
        {
            Date = shown,
            Papers = papers.Select(PaperView.From).ToList(),
            Previous = previous is { } p ? new PageLink("/archive/" + p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.ToString(LongDate, CultureInfo.InvariantCulture)) : null,
            Next = next is { } n ? new PageLink("/archive/" + n.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), n.ToString(LongDate, CultureInfo.InvariantCulture)) : null,
        });
    }

    /// <summary>The newest edition (the sign-up page's "latest edition" link), or the list of editions while there is none.</summary>
    private static async Task<IResult> LatestAsync(EditionStore store, CancellationToken cancellationToken) =>
        (await store.ListingDaysAsync(1, offset: 0, cancellationToken)) is [var newest]
            ? Results.Redirect("/archive/" + newest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : Results.Redirect("/archive");

    private static async Task<IResult> FeedAsync(
        EditionStore store, PaperSelector selector, SiteLinks links, IOptions<SiteOptions> site, IOptions<DigestOptions> digest, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var session = selector.StartSession();
        var editions = new List<ArchiveEdition>();
        foreach (var day in await store.ListingDaysAsync(FeedEditions, offset: 0, cancellationToken))
            editions.Add(new ArchiveEdition(day, await session.GlobalAsync(day, digest.Value.MaxPapers, cancellationToken)));
        return Results.Bytes(ArchiveFeed.Write(editions, site.Value.Name, links, clock.GetUtcNow()), "application/rss+xml; charset=utf-8");
    }
}

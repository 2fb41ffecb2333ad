using System.Globalization;
using DigestService.Config;
using DigestService.Digest;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Web.Archive;

/// <summary>
/// <c>GET /archive/{date}</c>: everyone's trending edition of a day as a page (the "view in browser" link of every digest);
/// <c>GET /archive/feed.xml</c>: the latest editions as RSS 2.0.
/// </summary>
public static class ArchiveEndpoints
{
    /// <summary>How many of the latest editions the feed carries.</summary>
    public const int FeedEditions = 30;

    public static WebApplication MapArchive(this WebApplication app)
    {
        app.MapGet("/archive/feed.xml", FeedAsync);
        app.MapGet("/archive/{date}", PageAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(
        string date, PaperSelector selector, TemplateCatalog templates, SiteLinks links, IOptions<SiteOptions> site, IOptions<DigestOptions> digest,
        CancellationToken cancellationToken)
    {
        DateOnly? edition = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        var papers = edition is { } day ? await selector.StartSession().GlobalAsync(day, digest.Value.MaxPapers, cancellationToken) : [];
        var shown = edition?.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture) ?? date;
        var html = templates.Render("web/archive.html", new
        {
            Title = $"Trending papers, {shown}",
            SiteName = site.Value.Name,
            Date = shown,
            Papers = papers.Select(PaperView.From).ToList(),
            HomeUrl = links.Home,
            FeedUrl = links.ArchiveFeed,
        });
        // A date that is malformed or has no papers is no edition: 404, with a page that says so.
        return Results.Content(html, "text/html; charset=utf-8", statusCode: papers.Count == 0 ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    private static async Task<IResult> FeedAsync(
        EditionStore store, PaperSelector selector, SiteLinks links, IOptions<SiteOptions> site, IOptions<DigestOptions> digest, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var session = selector.StartSession();
        var editions = new List<ArchiveEdition>();
        foreach (var day in await store.ListingDaysAsync(FeedEditions, cancellationToken))
            editions.Add(new ArchiveEdition(day, await session.GlobalAsync(day, digest.Value.MaxPapers, cancellationToken)));
        return Results.Bytes(ArchiveFeed.Write(editions, site.Value.Name, links, clock.GetUtcNow()), "application/rss+xml; charset=utf-8");
    }
}

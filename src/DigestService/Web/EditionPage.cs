using System.Globalization;
using DigestService.Digest;
using DigestService.Links;
using DigestService.Store;

namespace DigestService.Web;

/// <summary>
/// <c>GET /edition/{token}</c>: "View in browser" of one reader's digest, the papers as they were sent with their Why
/// lines and feedback links. The token names the reader and the edition; a forged one gets the plain 404, and an
/// edition that carried no papers for them sends them to everyone's edition of that day.
/// </summary>
public sealed class EditionPage(WebPages pages, SiteLinks links, EditionStore editions, SignedLinkResolver resolver)
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/edition/{token}", [HttpMethods.Get, HttpMethods.Head], (string token, HttpContext context, EditionPage page) => page.ShowAsync(token, context));

    private async Task<IResult> ShowAsync(string token, HttpContext context)
    {
        if (await resolver.FindWithSubjectAsync(TokenPurpose.Edition, token, context.RequestAborted) is not var (subscriber, subject)
            || !DateOnly.TryParseExact(subject, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var edition))
            return pages.LinkNotFound();
        var (_, sent) = await editions.SentEditionAsync(subscriber.Id, edition, context.RequestAborted);
        if (sent.Count == 0)
            return Results.Redirect(new Uri(links.Archive(edition)).PathAndQuery);
        var shown = edition.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);
        var papers = sent.Select(s => PaperView.From(new Pick(s.Paper, Why.Stated(s.Why, s.Paper.Upvotes)),
            new Uri(links.Feedback(subscriber.Id, s.Paper.ArxivId, more: true)).PathAndQuery,
            new Uri(links.Feedback(subscriber.Id, s.Paper.ArxivId, more: false)).PathAndQuery)).ToList();
        return pages.Page("edition", $"Your digest, {shown}", new
        {
            Date = shown,
            Papers = papers,
            PreferencesPath = links.PreferencesPath(subscriber.Id),
            ArchivePath = new Uri(links.Archive(edition)).PathAndQuery,
        });
    }
}

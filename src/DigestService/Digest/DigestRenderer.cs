using System.Globalization;
using DigestService.Config;
using DigestService.Store;
using DigestService.Web;
using Microsoft.Extensions.Options;

namespace DigestService.Digest;

/// <summary>
/// Renders one subscriber's digest of one edition from the email templates, html and text; with no papers, the short
/// "nothing new" note instead.
/// </summary>
public sealed class DigestRenderer(TemplateCatalog templates, SiteLinks links, IOptions<SiteOptions> site, IOptions<DigestOptions> digest)
{
    public RenderedDigest Render(Subscriber subscriber, DateOnly edition, IReadOnlyList<StoredPaper> papers)
    {
        var (template, subject) = papers.Count > 0
            ? ("email/digest", digest.Value.Subject.Replace("{date}", edition.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            : ("email/nothing-new", digest.Value.NothingNewSubject);
        var model = new
        {
            Subject = subject,
            SiteName = site.Value.Name,
            Date = edition.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture),
            Papers = papers.Select(PaperView.From).ToList(),
            Email = subscriber.Email,
            Topics = subscriber.TopicKeys,
            Keywords = subscriber.KeywordPhrases,
            PreferencesUrl = links.Preferences(subscriber.Id),
            UnsubscribeUrl = links.Unsubscribe(subscriber.Id),
            ArchiveUrl = links.Archive(edition),
            PostalAddress = digest.Value.PostalAddress,
        };
        var html = templates.Render(template + ".html", model);
        return new RenderedDigest(subject, InlineCss(html), templates.Render(template + ".txt", model));
    }

    /// <summary>Gmail and Outlook ignore most of a style block: move the rules onto the elements, keep media queries.</summary>
    public static string InlineCss(string html) =>
        PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: false, stripIdAndClassAttributes: false).Html;
}

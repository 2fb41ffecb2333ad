using System.Globalization;
using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;
using DigestService.Links;
using DigestService.Templates;

namespace DigestService.Digest;

/// <summary>
/// Renders one subscriber's digest of one edition from the email templates, html and text; with no papers, the short
/// "nothing new" note instead. Templates see the page, not the person: the papers, the edition, whether the subscriber
/// chose topics or keywords (<c>has_interests</c>), and slots for <c>email</c>, <c>preferences_url</c> and
/// <c>unsubscribe_url</c>. So a page is rendered and CSS-inlined once for everyone who gets the same one, and each
/// subscriber costs filling in three values.
/// </summary>
public sealed class DigestRenderer(TemplateCatalog templates, SiteLinks links, IOptions<SiteOptions> site, IOptions<DigestOptions> digest)
{
    public RenderedDigest Render(Subscriber subscriber, DateOnly edition, IReadOnlyList<StoredPaper> papers) =>
        Page(edition, papers, HasInterests(subscriber)).Fill(subscriber.Email, links.Preferences(subscriber.Id), links.Unsubscribe(subscriber.Id));

    /// <summary>True when the subscriber chose topics or keywords (their digest says "in your topics").</summary>
    public static bool HasInterests(Subscriber subscriber) => subscriber.TopicKeys.Count > 0 || subscriber.KeywordPhrases.Count > 0;

    /// <summary>What tells one page from another: everyone with the same key gets the same page, but for the slots.</summary>
    public static string PageKey(DateOnly edition, IReadOnlyList<StoredPaper> papers, bool hasInterests) =>
        $"{edition:yyyyMMdd}|{hasInterests}|{string.Join(' ', papers.Select(p => p.ArxivId))}";

    /// <summary>The page of <paramref name="papers"/> in <paramref name="edition"/>, with slots for the subscriber's values.</summary>
    public DigestPage Page(DateOnly edition, IReadOnlyList<StoredPaper> papers, bool hasInterests) => Build(edition, papers, hasInterests);

    private DigestPage Build(DateOnly edition, IReadOnlyList<StoredPaper> papers, bool hasInterests)
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
            HasInterests = hasInterests,
            Email = DigestPage.EmailSlot,
            PreferencesUrl = DigestPage.PreferencesSlot,
            UnsubscribeUrl = DigestPage.UnsubscribeSlot,
            ArchiveUrl = links.Archive(edition),
            PostalAddress = digest.Value.PostalAddress,
        };
        return new DigestPage(subject, InlineCss(templates.Render(template + ".html", model)), templates.Render(template + ".txt", model));
    }

    /// <summary>Gmail and Outlook ignore most of a style block: move the rules onto the elements, keep media queries.</summary>
    public static string InlineCss(string html) =>
        PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: false, stripIdAndClassAttributes: false).Html;
}

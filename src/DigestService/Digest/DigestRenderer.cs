using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DigestService.Config;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;
using DigestService.Links;
using DigestService.Templates;

namespace DigestService.Digest;

/// <summary>
/// Renders one subscriber's digest of one edition from the email templates, html and text; with no papers, the short
/// "nothing new" note instead.
/// </summary>
public sealed class DigestRenderer(TemplateCatalog templates, SiteLinks links, IOptions<SiteOptions> site, IOptions<DigestOptions> digest, DigestMetrics metrics)
{
    // CSS inlining is half of a digest's rendering time and gives the same result for everyone with the same papers:
    // the HTML is inlined with placeholders for the per-subscriber values, once per distinct page, then filled in.
    private const string EmailSlot = "digest-slot-email-5b1e9c";
    private const string PreferencesSlot = "https://digest-slot-preferences-5b1e9c.invalid/";
    private const string UnsubscribeSlot = "https://digest-slot-unsubscribe-5b1e9c.invalid/";
    private const string FeedbackSlot = "https://digest-slot-feedback-5b1e9c.invalid/";
    private const string EditionSlot = "https://digest-slot-edition-5b1e9c.invalid/";
    private const int InlinedPagesKept = 256;
    private const int PreheaderTitles = 3;
    private readonly ConcurrentDictionary<string, string> _inlined = new(StringComparer.Ordinal);

    public RenderedDigest Render(Subscriber subscriber, DateOnly edition, IReadOnlyList<Pick> papers)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (template, subject) = papers.Count > 0
            ? ("email/digest", digest.Value.Subject.Replace("{date}", edition.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            : ("email/nothing-new", digest.Value.NothingNewSubject);
        var slotted = papers.Select(p => PaperView.From(p, FeedbackSlot + p.Paper.ArxivId + "/more", FeedbackSlot + p.Paper.ArxivId + "/less")).ToList();
        var preferences = links.Preferences(subscriber.Id);
        var unsubscribe = links.Unsubscribe(subscriber.Id);
        // "View in browser" opens this reader's edition as sent; a note with no papers points at everyone's edition.
        var viewUrl = papers.Count > 0 ? links.Edition(subscriber.Id, edition) : links.Archive(edition);
        var page = templates.Render(template + ".html", Model(subject, edition, slotted, subscriber, EmailSlot, PreferencesSlot, UnsubscribeSlot, EditionSlot));
        if (_inlined.Count > InlinedPagesKept)
            _inlined.Clear();
        var html = _inlined.GetOrAdd(page, InlineCss)
            .Replace(EmailSlot, WebUtility.HtmlEncode(subscriber.Email), StringComparison.Ordinal)
            .Replace(PreferencesSlot, WebUtility.HtmlEncode(preferences), StringComparison.Ordinal)
            .Replace(UnsubscribeSlot, WebUtility.HtmlEncode(unsubscribe), StringComparison.Ordinal)
            .Replace(EditionSlot, WebUtility.HtmlEncode(viewUrl), StringComparison.Ordinal);
        var views = papers.Select(p => PaperView.From(p, links.Feedback(subscriber.Id, p.Paper.ArxivId, more: true), links.Feedback(subscriber.Id, p.Paper.ArxivId, more: false))).ToList();
        foreach (var (view, slot) in views.Zip(slotted))
        {
            html = html
                .Replace(WebUtility.HtmlEncode(slot.MoreUrl), WebUtility.HtmlEncode(view.MoreUrl), StringComparison.Ordinal)
                .Replace(WebUtility.HtmlEncode(slot.LessUrl), WebUtility.HtmlEncode(view.LessUrl), StringComparison.Ordinal);
        }
        var text = templates.Render(template + ".txt", Model(subject, edition, views, subscriber, subscriber.Email, preferences, unsubscribe, viewUrl));
        metrics.Rendered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new RenderedDigest(subject, html, text);
    }

    private object Model(string subject, DateOnly edition, IReadOnlyList<PaperView> papers, Subscriber subscriber, string email, string preferencesUrl, string unsubscribeUrl, string viewUrl) => new
    {
        Subject = subject,
        SiteName = site.Value.Name,
        Date = edition.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture),
        Papers = papers,
        InTopics = papers.Count > 0 && papers.All(p => p.InTopics),
        // What the inbox shows after the subject: the first titles, not the subject again.
        Preheader = string.Join(" \u00B7 ", papers.Take(PreheaderTitles).Select(p => p.Title)),
        Email = email,
        Topics = subscriber.TopicKeys,
        Keywords = subscriber.KeywordPhrases,
        PreferencesUrl = preferencesUrl,
        UnsubscribeUrl = unsubscribeUrl,
        ArchiveUrl = viewUrl,
        PostalAddress = digest.Value.PostalAddress,
    };

    /// <summary>Gmail and Outlook ignore most of a style block: move the rules onto the elements, keep media queries.</summary>
    public static string InlineCss(string html) =>
        PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: false, stripIdAndClassAttributes: false).Html;
}

using System.Globalization;
using DigestService.Config;
using DigestService.Links;
using DigestService.Store;
using DigestService.Telemetry;
using DigestService.Templates;
using Microsoft.Extensions.Options;

namespace DigestService.Digest;

/// <summary>
/// Renders subscribers' digests of an edition from the email templates, html and text; with no papers, the short
/// "nothing new" note instead.
/// </summary>
public sealed class DigestRenderer(TemplateCatalog templates, SiteLinks links, IOptions<SiteOptions> site, IOptions<DigestOptions> digest, DigestMetrics metrics)
{
    private const int PreheaderTitles = 3;
    private const string DigestTemplate = "email/digest";
    private const string NothingNewTemplate = "email/nothing-new";
    private readonly bool _digestReadsInterests = ReadsInterests(templates, DigestTemplate);
    private readonly bool _noteReadsInterests = ReadsInterests(templates, NothingNewTemplate);

    /// <summary>One digest, rendered on its own (a preview, say); a send renders through <see cref="StartRun"/>.</summary>
    public RenderedDigest Render(Subscriber subscriber, DateOnly edition, IReadOnlyList<Pick> papers) => StartRun().Render(subscriber, edition, papers);

    /// <summary>The pages of one send run. Pages are kept for the run only: upvotes and titles move between runs.</summary>
    public DigestPages StartRun() => new(this, links, metrics);

    /// <summary>
    /// The page of <paramref name="papers"/> with slot tokens where each reader's address and links go, CSS inlined:
    /// what costs time, done once for every reader of the same papers, Why lines, topics and keywords.
    /// </summary>
    internal DigestPage Page(Subscriber subscriber, DateOnly edition, IReadOnlyList<Pick> papers)
    {
        var (template, subject) = papers.Count > 0
            ? (DigestTemplate, digest.Value.Subject.Replace("{date}", edition.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            : (NothingNewTemplate, digest.Value.NothingNewSubject);
        var views = papers.Select((p, i) => PaperView.From(p, DigestPage.MoreSlot(i), DigestPage.LessSlot(i))).ToList();
        var model = new
        {
            Subject = subject,
            SiteName = site.Value.Name,
            Date = edition.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture),
            Papers = views,
            InTopics = views.Count > 0 && views.All(p => p.InTopics),
            // What the inbox shows after the subject: the first titles, not the subject again.
            Preheader = string.Join(" \u00B7 ", views.Take(PreheaderTitles).Select(p => p.Title)),
            Email = DigestPage.EmailSlot,
            Topics = subscriber.TopicKeys,
            Keywords = subscriber.KeywordPhrases,
            PreferencesUrl = DigestPage.PreferencesSlot,
            UnsubscribeUrl = DigestPage.UnsubscribeSlot,
            ArchiveUrl = DigestPage.ViewSlot,
            PostalAddress = digest.Value.PostalAddress,
        };
        return new DigestPage(subject, InlineCss(templates.Render(template + ".html", model)), templates.Render(template + ".txt", model), papers.Count);
    }

    /// <summary>
    /// Everything the templates see that differs between readers of one run, links aside: the edition, the papers and
    /// their Why lines, and the reader's topics and keywords when the template reads them (the stock digest does not,
    /// so readers of the same papers share a page whatever they follow).
    /// </summary>
    internal string PageKey(Subscriber subscriber, DateOnly edition, IReadOnlyList<Pick> papers)
    {
        var key = new System.Text.StringBuilder(edition.DayNumber.ToString(CultureInfo.InvariantCulture));
        if (papers.Count > 0 ? _digestReadsInterests : _noteReadsInterests)
            key.Append('\u001d').Append(subscriber.Topics).Append('\u001d').Append(subscriber.Keywords);
        foreach (var pick in papers)
            key.Append('\u001e').Append(pick.Paper.ArxivId).Append('\u001f').Append(pick.Why.InTopics ? '1' : '0').Append(pick.Why.Text);
        return key.ToString();
    }

    private static bool ReadsInterests(TemplateCatalog templates, string template) =>
        new[] { ".html", ".txt" }.Any(kind => templates.VariablesOf(template + kind).Overlaps(["topics", "keywords"]));

    /// <summary>Gmail and Outlook ignore most of a style block: move the rules onto the elements, keep media queries.</summary>
    public static string InlineCss(string html) =>
        PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: false, stripIdAndClassAttributes: false).Html;
}

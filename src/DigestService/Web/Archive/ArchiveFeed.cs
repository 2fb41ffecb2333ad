using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using DigestService.Digest;
using DigestService.Store;
using DigestService.Links;
using DigestService.Papers;

namespace DigestService.Web.Archive;

/// <summary>One day's global edition, as the feed lists it.</summary>
public sealed record ArchiveEdition(DateOnly Date, IReadOnlyList<StoredPaper> Papers);

/// <summary>
/// The archive as RSS 2.0: one item per edition, linking to its archive page, its papers as an HTML list in the
/// description. XmlWriter escapes the XML; each value inside the HTML is HTML-encoded first.
/// </summary>
public static class ArchiveFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(IReadOnlyList<ArchiveEdition> editions, string siteName, SiteLinks links, DateTimeOffset now)
    {
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, Atom);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", XmlSafeText.Clean($"{siteName}: trending papers"));
            xml.WriteElementString("link", links.Home);
            xml.WriteElementString("description", "The papers trending on Hugging Face Daily Papers, one edition a day.");
            xml.WriteElementString("lastBuildDate", Rfc822(now));
            xml.WriteStartElement("atom", "link", Atom);
            xml.WriteAttributeString("href", links.ArchiveFeed);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var edition in editions.Where(e => e.Papers.Count > 0))
                WriteItem(xml, edition, links);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return bytes.ToArray();
    }

    private static void WriteItem(XmlWriter xml, ArchiveEdition edition, SiteLinks links)
    {
        var url = links.Archive(edition.Date);
        xml.WriteStartElement("item");
        xml.WriteElementString("title", $"Trending papers, {edition.Date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}");
        xml.WriteElementString("link", url);
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "true");
        xml.WriteString(url);
        xml.WriteEndElement();
        xml.WriteElementString("pubDate", Rfc822(new DateTimeOffset(edition.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        // Stored titles may predate ingest's clean-up: one forbidden character would make the whole feed unreadable.
        xml.WriteElementString("description", XmlSafeText.Clean(Description(edition.Papers)));
        xml.WriteEndElement();
    }

    private static string Description(IReadOnlyList<StoredPaper> papers)
    {
        var html = new StringBuilder("<ol>");
        foreach (var paper in papers.Select(PaperView.From))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<li><a href=\"{WebUtility.HtmlEncode(paper.Url)}\">{WebUtility.HtmlEncode(paper.Title)}</a> &#9650; {paper.Upvotes}</li>");
        }
        return html.Append("</ol>").ToString();
    }

    private static string Rfc822(DateTimeOffset at) => at.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
}

using System.Xml.Linq;
using DigestService.Papers;
using DigestService.Store;

namespace DigestService.Feed;

/// <summary>
/// Reads arXiv API answers (Atom), both the classic style (namespaces declared on each element, wrapped summaries)
/// and the 2025+ style (namespaces on the root): elements are found by namespace, never by prefix or order.
/// </summary>
public static class ArxivAtomParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    public static ParsedFeed Parse(string xml, DateOnly listedOn)
    {
        var feed = FeedXml.Root(xml, Atom + "feed", "an Atom feed from the arXiv API");
        var papers = new ParsedFeedBuilder("entries");
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var idText = entry.Element(Atom + "id")?.Value ?? "";
            // A bad query is answered with a one-entry feed whose id points at the API's error list.
            if (idText.Contains("/api/errors", StringComparison.Ordinal))
                throw new FeedFormatException($"the arXiv API answered with an error: {FeedXml.Value(entry, Atom + "summary")}");
            papers.Add(ArxivId.Normalize(idText), FeedXml.Value(entry, Atom + "title"), (id, title) => new FeedPaper
            {
                ArxivId = id,
                Title = title,
                Abstract = FeedXml.Value(entry, Atom + "summary"),
                Authors = entry.Elements(Atom + "author").Select(a => FeedXml.Value(a, Atom + "name")).Where(n => n.Length > 0).ToList(),
                ListedOn = listedOn,
                Categories = Categories(entry),
                PublishedAt = FeedXml.Instant(entry, Atom + "published"),
            });
        }
        return papers.Build();
    }

    /// <summary>The primary category first, then the cross-lists, each once.</summary>
    private static IReadOnlyList<string> Categories(XElement entry) =>
        entry.Elements(Arxiv + "primary_category").Concat(entry.Elements(Atom + "category"))
            .Select(c => (string?)c.Attribute("term"))
            .OfType<string>()
            .Where(term => term.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

using System.Xml.Linq;
using DigestService.Papers;
using DigestService.Store;

namespace DigestService.Feed;

/// <summary>
/// Reads RSS 2.0 feeds of papers: arXiv's listing feeds (rss.arxiv.org) and the community Hugging Face mirrors.
/// Items name their paper only by URL (arxiv.org/abs/ID, tldr.takara.ai/p/ID, an OAI guid), so the id comes from the
/// link or guid; items without one are skipped.
/// </summary>
public static class RssParser
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static ParsedFeed Parse(string xml, DateOnly listedOn)
    {
        var channel = FeedXml.Root(xml, "rss", "an RSS 2.0 feed").Element("channel")
            ?? throw new FeedFormatException("the RSS feed has no <channel> (the layout changed)");
        var papers = new ParsedFeedBuilder("items");
        foreach (var item in channel.Elements("item"))
        {
            var description = RssDescription.Read(item.Element("description")?.Value);
            var linkedId = ArxivId.Normalize(item.Element("link")?.Value) ?? ArxivId.Normalize(item.Element("guid")?.Value);
            papers.Add(linkedId, FeedXml.Value(item, "title"), (id, title) => new FeedPaper
            {
                ArxivId = id,
                Title = title,
                Abstract = description.Abstract,
                Authors = description.Authors.Count > 0 ? description.Authors : RssDescription.SplitAuthors(item.Element(Dc + "creator")?.Value),
                ListedOn = listedOn,
                // pubDate means the arXiv date in one feed and the announcement or build time in others: not stored.
                Upvotes = description.Upvotes,
                Categories = item.Elements("category").Select(c => Text.CollapseWhitespace(c.Value)).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            });
        }
        return papers.Build();
    }
}

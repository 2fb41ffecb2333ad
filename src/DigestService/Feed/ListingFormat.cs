using System.Globalization;
using DigestService.Config;

namespace DigestService.Feed;

/// <summary>
/// A source whose URL shows a list and has no date parameter of its own: the HF papers page (hf-page), the arXiv API
/// (arxiv-atom) and RSS feeds (rss). Each is one parser over the answers of <see cref="Requests"/>.
/// </summary>
public sealed class ListingFormat(string format, FeedContent content, Func<string, DateOnly, ParsedFeed> parse) : IFeedFormat
{
    public static readonly ListingFormat HfPage = new("hf-page", FeedContent.Html, HfPageParser.Parse);
    public static readonly ListingFormat ArxivAtom = new("arxiv-atom", FeedContent.Xml, ArxivAtomParser.Parse);
    public static readonly ListingFormat Rss = new("rss", FeedContent.Xml, RssParser.Parse);

    public string Format => format;

    public FeedContent Content => content;

    /// <summary>
    /// A URL with <c>{date}</c> is an archive: one request per day of the window. Any other URL is a current list
    /// (today's page, the latest arXiv query, an RSS feed): read once, its papers counted as listed on the last day.
    /// </summary>
    public IReadOnlyList<FeedRequest> Requests(FeedSourceOptions source, IReadOnlyList<DateOnly> days) =>
        source.Url.Contains(FeedSourceOptions.DatePlaceholder, StringComparison.Ordinal)
            ? days.Select(day => new FeedRequest(new Uri(source.Url.Replace(FeedSourceOptions.DatePlaceholder, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)), day, PerDay: true)).ToList()
            : [new FeedRequest(new Uri(source.Url), days[^1], PerDay: false)];

    public ParsedFeed Parse(string body, FeedRequest request) => parse(body, request.ListedOn);
}

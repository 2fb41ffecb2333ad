using AngleSharp.Html.Parser;
using DigestService.Papers;

namespace DigestService.Feed;

/// <summary>
/// What an RSS item's description says about its paper, in the three styles seen: arXiv's
/// <c>arXiv:ID Announce Type: new \nAbstract: …</c>; the huangboming mirror's entity-escaped HTML with
/// <c>&lt;b&gt;Authors:&lt;/b&gt;</c>, <c>Upvotes:</c> and <c>Summary:</c> paragraphs; and a plain abstract (Takara).
/// </summary>
public sealed record RssDescription(string Abstract, IReadOnlyList<string> Authors, int? Upvotes)
{
    private const string ArxivAbstractLabel = "Abstract:";

    public static RssDescription Read(string? description)
    {
        var text = description?.Trim() ?? "";
        if (text.StartsWith('<'))
            return FromHtml(text);
        var abstractAt = text.StartsWith("arXiv:", StringComparison.Ordinal) ? text.IndexOf(ArxivAbstractLabel, StringComparison.Ordinal) : -1;
        return new RssDescription(Text.CollapseWhitespace(abstractAt >= 0 ? text[(abstractAt + ArxivAbstractLabel.Length)..] : text), [], null);
    }

    /// <summary>Names from a comma-separated list, as arXiv's dc:creator and the mirror's Authors paragraph give them.</summary>
    public static IReadOnlyList<string> SplitAuthors(string? names) =>
        (names ?? "").Split(',').Select(Text.CollapseWhitespace).Where(name => name.Length > 0).ToList();

    private static RssDescription FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var paragraph in document.QuerySelectorAll("p"))
        {
            var label = Text.CollapseWhitespace(paragraph.QuerySelector("b")?.TextContent);
            var content = Text.CollapseWhitespace(paragraph.TextContent);
            if (label.EndsWith(':') && content.StartsWith(label, StringComparison.Ordinal))
                fields.TryAdd(label.TrimEnd(':'), content[label.Length..].Trim());
        }
        return new RssDescription(
            fields.GetValueOrDefault("Summary") ?? fields.GetValueOrDefault("Abstract") ?? Text.CollapseWhitespace(document.Body?.TextContent),
            SplitAuthors(fields.GetValueOrDefault("Authors")),
            int.TryParse(fields.GetValueOrDefault("Upvotes"), out var upvotes) ? upvotes : null);
    }
}

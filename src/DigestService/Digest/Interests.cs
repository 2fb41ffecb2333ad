using DigestService.Config;
using DigestService.Store;

namespace DigestService.Digest;

/// <summary>What a subscriber wants to read, as FTS5 phrases: the terms of each chosen topic and their own keywords.</summary>
public static class Interests
{
    /// <summary>
    /// Sorted, distinct phrases, or null for a subscriber who chose neither topics nor keywords (they get the global list).
    /// Topic keys the catalog no longer has and keywords without a word add nothing, so such a choice matches nothing
    /// rather than everything.
    /// </summary>
    public static string[]? Phrases(Subscriber subscriber, TopicCatalogOptions catalog) =>
        Labeled(subscriber, catalog) is { } labeled ? Phrases(labeled) : null;

    /// <summary>The sorted, distinct phrases of <see cref="Labeled"/> topics and keywords.</summary>
    public static string[] Phrases(IReadOnlyList<(string Label, string[] Phrases)> labeled) =>
        labeled
            .SelectMany(l => l.Phrases)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Each chosen topic (by its label) and keyword (as <c>keyword "…"</c>) with its phrases, as Why lines name them;
    /// null for a subscriber who chose neither.
    /// </summary>
    public static IReadOnlyList<(string Label, string[] Phrases)>? Labeled(Subscriber subscriber, TopicCatalogOptions catalog)
    {
        var topics = subscriber.TopicKeys;
        var keywords = subscriber.KeywordPhrases;
        if (topics.Count == 0 && keywords.Count == 0)
            return null;
        return topics
            .Select(key => catalog.Find(key) is { } topic ? (topic.Label, PhrasesOf(topic.Terms)) : (key, []))
            .Concat(keywords.Select(keyword => ($"keyword \"{keyword}\"", PhrasesOf([keyword]))))
            .Where(l => l.Item2.Length > 0)
            .ToList();
    }

    private static string[] PhrasesOf(IEnumerable<string> terms) => terms.Select(FtsQuery.Phrase).OfType<string>().ToArray();
}

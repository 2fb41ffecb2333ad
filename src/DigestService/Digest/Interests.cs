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
    public static string[]? Phrases(Subscriber subscriber, TopicCatalogOptions catalog)
    {
        var topics = subscriber.TopicKeys;
        var keywords = subscriber.KeywordPhrases;
        if (topics.Count == 0 && keywords.Count == 0)
            return null;
        return topics
            .SelectMany(key => catalog.Find(key)?.Terms ?? [])
            .Concat(keywords)
            .Select(FtsQuery.Phrase)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}

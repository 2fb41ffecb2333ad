using DigestService.Config;

namespace DigestService.Web;

/// <summary>One checkbox of the topic list.</summary>
public sealed record TopicChoice(string Key, string Label, bool Checked);

/// <summary>Topic keys as the forms send them, checked against the catalog.</summary>
public static class TopicSelection
{
    public static IReadOnlyList<TopicChoice> Choices(TopicCatalogOptions catalog, IReadOnlyCollection<string> chosen) =>
        catalog.Topics.Select(t => new TopicChoice(t.Key, t.Label, chosen.Contains(t.Key))).ToList();

    /// <summary>The chosen topics in catalog order, or the first key that is not in the catalog.</summary>
    public static (IReadOnlyList<string> Keys, string? Unknown) Check(TopicCatalogOptions catalog, IReadOnlyCollection<string> chosen)
    {
        var unknown = chosen.FirstOrDefault(key => catalog.Find(key) is null);
        return (catalog.Topics.Select(t => t.Key).Where(chosen.Contains).ToList(), unknown);
    }

    public static string Labels(TopicCatalogOptions catalog, IEnumerable<string> keys) =>
        string.Join(", ", keys.Select(key => catalog.Find(key)?.Label).OfType<string>());
}

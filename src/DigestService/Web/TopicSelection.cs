using DigestService.Config;

namespace DigestService.Web;

/// <summary>One checkbox of the topic list.</summary>
public sealed record TopicChoice(string Key, string Label, bool Checked);

/// <summary>Topic keys as the forms send them, checked against the catalog.</summary>
public static class TopicSelection
{
    public static IReadOnlyList<TopicChoice> Choices(TopicCatalogOptions catalog, IReadOnlyCollection<string> chosen) =>
        catalog.Topics.Select(t => new TopicChoice(t.Key, t.Label, chosen.Contains(t.Key))).ToList();

    public static string Labels(TopicCatalogOptions catalog, IEnumerable<string> keys) =>
        string.Join(", ", keys.Select(key => catalog.Find(key)?.Label).OfType<string>());
}

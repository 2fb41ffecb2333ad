namespace DigestService.Config;

/// <summary>One topic of the catalog: a stable key (stored with subscribers), a label to show, and its search terms.</summary>
public sealed class TopicOptions
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>Words or phrases; a paper is in the topic when its title, abstract or AI keywords contain any of them.</summary>
    public List<string> Terms { get; set; } = [];
}

/// <summary>The topic catalog: the <c>Topics</c> list at the root of the configuration.</summary>
public sealed class TopicCatalogOptions : ISelfValidatingOptions
{
    public List<TopicOptions> Topics { get; set; } = [];

    public TopicOptions? Find(string key) => Topics.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> Validate()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (topic, position) in Topics.Select((t, i) => (t, i + 1)))
        {
            // Keys travel in comma lists and URLs: keep them to letters, digits and dashes.
            if (topic.Key.Length is 0 or > 40 || !topic.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                yield return $"Topics: topic #{position} needs a Key of 1 to 40 letters, digits or dashes, got '{topic.Key}'.";
            else if (!seen.Add(topic.Key))
                yield return $"Topics: the Key '{topic.Key}' is used twice.";
            if (string.IsNullOrWhiteSpace(topic.Label))
                yield return $"Topics: topic '{topic.Key}' needs a Label.";
            if (!topic.Terms.Any(t => t.Any(char.IsLetterOrDigit)))
                yield return $"Topics: topic '{topic.Key}' needs at least one word among its Terms.";
        }
    }
}

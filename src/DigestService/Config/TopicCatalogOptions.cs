using System.Text.RegularExpressions;

namespace DigestService.Config;

/// <summary>
/// The topic catalog (<c>Topics</c>, a list at the root of the configuration): what people tick on the sign-up and
/// preferences pages and what their digest is matched against. Subscribers store the keys, so keep a key once shipped.
/// </summary>
public sealed partial class TopicCatalogOptions : ISelfValidatingOptions
{
    public List<TopicOptions> Topics { get; set; } = [];

    public TopicOptions? Find(string key) => Topics.FirstOrDefault(t => t.Key == key);

    public IEnumerable<string> Validate()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Topics.Count; i++)
        {
            var topic = Topics[i];
            if (!KeyPattern().IsMatch(topic.Key))
                yield return $"Topics:{i}:Key must be 1 to 32 lowercase letters, digits or dashes, got '{topic.Key}'.";
            else if (!seen.Add(topic.Key))
                yield return $"Topics:{i}:Key '{topic.Key}' appears twice.";
            if (string.IsNullOrWhiteSpace(topic.Label))
                yield return $"Topics:{i}:Label must not be empty.";
            if (topic.Terms.Count == 0 || topic.Terms.Any(string.IsNullOrWhiteSpace))
                yield return $"Topics:{i}:Terms must list at least one non-empty word or phrase.";
        }
    }

    // Keys are stored as a comma-separated list, so they can hold neither commas nor spaces.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex KeyPattern();
}

/// <summary>One topic: a stable key, the label people see, and the words and phrases that define it.</summary>
public sealed class TopicOptions
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}

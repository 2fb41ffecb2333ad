using DigestService.Config;
using DigestService.Papers;
using Microsoft.Extensions.Options;

namespace DigestService.Store;

/// <summary>
/// What a subscriber's settings may be, checked in one place for the web sign-up and preferences and for the CLI's
/// <c>subscribers add</c>: topics from the catalog, keywords within Subscriptions:MaxKeywordsLength and free of
/// control characters, followed authors (names with letters, at most Profiles:MaxAuthors), a known time zone, and the ranges of hour, weekday and papers per email.
/// Each front end words the problem for its readers.
/// </summary>
public sealed class SubscriberRules(IOptions<TopicCatalogOptions> catalog, IOptions<SubscriptionOptions> subscriptions, IOptions<ProfileOptions> profiles)
{
    public static readonly (int Min, int Max) Hours = (0, 23);
    public static readonly (int Min, int Max) Weekdays = (0, 6);
    public static readonly (int Min, int Max) PapersPerEmail = (1, 100);

    public TopicCatalogOptions Catalog => catalog.Value;

    public int MaxKeywordsLength => subscriptions.Value.MaxKeywordsLength;

    /// <summary>The chosen topics in catalog order, or the first key that is not in the catalog.</summary>
    public (IReadOnlyList<string> Keys, string? Unknown) CheckTopics(IReadOnlyCollection<string> chosen) =>
        (Catalog.Topics.Select(t => t.Key).Where(chosen.Contains).ToList(), chosen.FirstOrDefault(key => Catalog.Find(key) is null));

    /// <summary>What is wrong with the keywords as typed (comma-separated phrases), or null.</summary>
    public string? KeywordsProblem(string keywords) =>
        keywords.Length > MaxKeywordsLength ? $"at most {MaxKeywordsLength} characters in all, and these are {keywords.Length}"
        : keywords.Any(char.IsControl) ? "remove line breaks and other control characters"
        : null;

    /// <summary>The longest author name taken: longer is not a name.</summary>
    public const int LongestAuthorName = 100;

    /// <summary>The followed authors as typed (comma-separated names), trimmed, each once (by <see cref="AuthorName.Key"/>), or what is wrong with them.</summary>
    public (IReadOnlyList<string> Names, string? Problem) CheckAuthors(string authors)
    {
        var names = authors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        var problem = names.FirstOrDefault(n => n.Any(char.IsControl) || n.Length > LongestAuthorName || AuthorName.Key(n) is null) is { } bad
                ? $"\"{(bad.Length > 40 ? bad[..40] + "…" : bad)}\" is not an author name (letters, at most {LongestAuthorName} characters; separate names with commas)"
            : names.Count > profiles.Value.MaxAuthors ? $"at most {profiles.Value.MaxAuthors} authors, and these are {names.Count}"
            : null;
        return (names.DistinctBy(n => AuthorName.Key(n)).ToList(), problem);
    }

    /// <summary>True for any zone the system knows, listed or not (a browser may report an older alias).</summary>
    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static bool Within((int Min, int Max) range, int value) => value >= range.Min && value <= range.Max;
}

using System.Globalization;
using System.Text.Json;
using DigestService.Papers;
using DigestService.Store;

namespace DigestService.Feed;

/// <summary>
/// Reads the Hugging Face /api/daily_papers answer (every schema from 2024 to 2026): a JSON array of entries,
/// each with a <c>paper</c> object. Optional keys are absent rather than null; unknown keys are ignored.
/// </summary>
public static class HfApiParser
{
    public static ParsedFeed Parse(string json, DateOnly listedOn)
    {
        using var document = ParseJson(json, "the answer");
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new FeedFormatException($"expected a JSON array of papers, got a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
        return ParseEntries(document.RootElement, listedOn);
    }

    /// <summary>Parses JSON or says in one line that <paramref name="what"/> is not valid JSON.</summary>
    public static JsonDocument ParseJson(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // The first sentence names the problem and position; the rest is advice for developers.
            throw new FeedFormatException($"{what} is not valid JSON ({e.Message.Split('.')[0]})", e);
        }
    }

    /// <summary>Entries of an already parsed array (the HTML page embeds the same shape); unreadable ones are skipped.</summary>
    public static ParsedFeed ParseEntries(JsonElement entries, DateOnly listedOn)
    {
        var papers = new ParsedFeedBuilder("entries");
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("paper", out var paper) || paper.ValueKind != JsonValueKind.Object)
            {
                papers.Skip("an entry has no 'paper' object");
                continue;
            }
            papers.Add(ArxivId.Normalize(String(paper, "id")), Text.CollapseWhitespace(String(paper, "title") ?? String(entry, "title")), (id, title) => new FeedPaper
            {
                ArxivId = id,
                Title = title,
                Abstract = Text.CollapseWhitespace(String(paper, "summary") ?? String(entry, "summary")),
                Authors = Authors(paper),
                ListedOn = listedOn,
                Upvotes = Int(paper, "upvotes"),
                Comments = Int(entry, "numComments"),
                AiSummary = NullIfEmpty(Text.CollapseWhitespace(String(paper, "ai_summary"))),
                AiKeywords = Strings(paper, "ai_keywords"),
                GithubRepo = NullIfEmpty(String(paper, "githubRepo")),
                GithubStars = Int(paper, "githubStars"),
                ProjectPage = NullIfEmpty(String(paper, "projectPage")),
                PublishedAt = Instant(paper, "publishedAt"),
                // mediaUrl is the thumbnail's name in the 2024 schema.
                Thumbnail = NullIfEmpty(String(entry, "thumbnail") ?? String(entry, "mediaUrl")),
                Organization = DisplayName(entry, "organization") ?? DisplayName(paper, "organization"),
                SubmittedBy = DisplayName(entry, "submittedBy") ?? DisplayName(paper, "submittedOnDailyBy"),
            });
        }
        return papers.Build();
    }

    private static IReadOnlyList<string> Authors(JsonElement paper)
    {
        if (!paper.TryGetProperty("authors", out var authors) || authors.ValueKind != JsonValueKind.Array)
            return [];
        return authors.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object && !(a.TryGetProperty("hidden", out var hidden) && hidden.ValueKind == JsonValueKind.True))
            .Select(a => Text.CollapseWhitespace(String(a, "name")))
            .Where(name => name.Length > 0)
            .ToList();
    }

    /// <summary>
    /// The name of an account object (organization or user): its full name, else its handle (<c>name</c>, or <c>user</c>
    /// in <c>submittedOnDailyBy</c>). Entries of 2024 carry none.
    /// </summary>
    private static string? DisplayName(JsonElement element, string name) =>
        element.TryGetProperty(name, out var account) && account.ValueKind == JsonValueKind.Object
            ? NullIfEmpty(Text.CollapseWhitespace(String(account, "fullname") ?? String(account, "name") ?? String(account, "user")))
            : null;

    /// <summary>A string property, or null when it is absent or not a string.</summary>
    internal static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Decode(value) : null;

    /// <summary>
    /// A JSON string's text. JSON lets an escape such as <c>\ud800</c> name half a character, which no text can hold:
    /// that is a broken answer, reported on the source's line like any other.
    /// </summary>
    private static string Decode(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new FeedFormatException($"the answer holds a string that is not valid Unicode ({e.Message.Split('.')[0]})", e);
        }
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => Text.CollapseWhitespace(Decode(v))).Where(s => s.Length > 0).ToList()
            : [];

    private static DateTimeOffset? Instant(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

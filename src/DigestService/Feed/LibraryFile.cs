using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestService.Papers;
using DigestService.Store;

namespace DigestService.Feed;

/// <summary>A library file that cannot be read; the message is one line saying what is wrong.</summary>
public sealed class LibraryFormatException(string message) : Exception(message);

/// <summary>
/// A reader's library as Zotero, Mendeley and Google Scholar export it: BibTeX, CSL-JSON, or a list of arXiv ids and
/// URLs, one a line. Only what the file says is used; nothing is fetched.
/// </summary>
public static partial class LibraryFile
{
    /// <summary>The entries of <paramref name="text"/>, at most <paramref name="maxEntries"/>; a bad or too large file throws <see cref="LibraryFormatException"/>.</summary>
    public static IReadOnlyList<LibraryEntry> Parse(string text, int maxEntries)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0)
            throw new LibraryFormatException("the file is empty");
        var entries = trimmed[0] is '[' or '{' ? CslJson(trimmed)
            : BibEntryStart().IsMatch(trimmed) ? BibTex(trimmed)
            : IdList(trimmed);
        if (entries.Count == 0)
            throw new LibraryFormatException("the file holds no paper with a title or an arXiv id");
        if (entries.Count > maxEntries)
            throw new LibraryFormatException($"the file holds {entries.Count} papers and at most {maxEntries} are read at once (Profiles:MaxSeedEntries); export a smaller collection");
        return entries;
    }

    private static List<LibraryEntry> IdList(string text)
    {
        var entries = new List<LibraryEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var id = ArxivId.Normalize(line)
                ?? throw new LibraryFormatException($"line {i + 1} is neither an arXiv id nor an arXiv URL, and the file is not BibTeX or CSL-JSON: \"{Clip(line)}\"");
            entries.Add(new LibraryEntry(id, "", ""));
        }
        return entries;
    }

    private static List<LibraryEntry> CslJson(string text)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new LibraryFormatException($"the file is not valid CSL-JSON: {e.Message.Split('\n')[0]}");
        }
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList()
            : root.ValueKind == JsonValueKind.Object ? [root]
            : throw new LibraryFormatException("CSL-JSON must be a list of items");
        var entries = new List<LibraryEntry>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw new LibraryFormatException("CSL-JSON must be a list of items, each an object");
            var id = new[] { "URL", "DOI", "number", "archive_location", "id" }.Select(name => Str(item, name)).Select(ArxivIdIn).FirstOrDefault(i => i is not null);
            var entry = new LibraryEntry(id, Clean(Str(item, "title")), Clean(Str(item, "abstract")));
            if (entry.ArxivId is not null || entry.Title.Length > 0)
                entries.Add(entry);
        }
        return entries;
    }

    private static string Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static List<LibraryEntry> BibTex(string text)
    {
        var entries = new List<LibraryEntry>();
        var position = 0;
        while (BibEntryStart().Match(text, position) is { Success: true } start)
        {
            var type = start.Groups[1].Value.ToLowerInvariant();
            var open = start.Index + start.Length - 1;
            var close = Closing(text, open);
            if (close < 0)
                throw new LibraryFormatException($"the BibTeX entry at line {Line(text, start.Index)} is not closed (a '{text[open]}' without its match)");
            position = close + 1;
            if (type is "comment" or "string" or "preamble")
                continue;
            var fields = BibFields(text[(open + 1)..close], Line(text, start.Index));
            var id = new[] { "eprint", "arxivid", "arxiv", "url", "doi", "journal", "note" }
                .Select(name => fields.GetValueOrDefault(name)).Select(ArxivIdIn).FirstOrDefault(i => i is not null);
            var entry = new LibraryEntry(id, Clean(fields.GetValueOrDefault("title")), Clean(fields.GetValueOrDefault("abstract")));
            if (entry.ArxivId is not null || entry.Title.Length > 0)
                entries.Add(entry);
        }
        return entries;
    }

    /// <summary>The fields of an entry body (<c>key, name = {value}, name = "value", name = 2024</c>), names lower-cased.</summary>
    private static Dictionary<string, string> BibFields(string body, int line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        var i = comma < 0 ? body.Length : comma + 1;
        while (i < body.Length)
        {
            while (i < body.Length && (char.IsWhiteSpace(body[i]) || body[i] == ','))
                i++;
            if (i == body.Length)
                break;
            var field = BibField().Match(body, i);
            if (!field.Success || field.Index != i || field.Index + field.Length >= body.Length)
            {
                throw new LibraryFormatException($"the BibTeX entry at line {line} has a field that is not name = {{value}}: \"{Clip(body[i..].Trim())}\"");
            }
            var name = field.Groups[1].Value.ToLowerInvariant();
            var valueStart = field.Index + field.Length;
            string value;
            int end;
            if (body[valueStart] is '{' or '"')
            {
                end = body[valueStart] == '{' ? Closing(body, valueStart) : body.IndexOf('"', valueStart + 1);
                if (end < 0)
                    throw new LibraryFormatException($"the BibTeX entry at line {line} has an unclosed value in field {name}");
                value = body[(valueStart + 1)..end];
                end++;
            }
            else
            {
                end = body.IndexOf(',', valueStart);
                end = end < 0 ? body.Length : end;
                value = body[valueStart..end].Trim();
            }
            fields[name] = value;
            i = end;
        }
        return fields;
    }

    private static int Closing(string text, int open)
    {
        var closeChar = text[open] == '(' ? ')' : '}';
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }
            if (text[i] == text[open])
                depth++;
            else if (text[i] == closeChar && --depth == 0)
                return i;
        }
        return -1;
    }

    private static string? ArxivIdIn(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : ArxivMention().Match(value) is { Success: true } mention ? ArxivId.Normalize(mention.Groups[1].Value)
        : BareArxivId().IsMatch(value.Trim()) ? ArxivId.Normalize(value)
        : null;

    /// <summary>Text without BibTeX braces, simple LaTeX commands and line wrapping.</summary>
    private static string Clean(string? value) =>
        value is null ? "" : Text.CollapseWhitespace(LatexCommand().Replace(value, "").Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal));

    private static int Line(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Clip(string text) => text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..60].ReplaceLineEndings(" ") + "…";

    [GeneratedRegex(@"@\s*([A-Za-z]+)\s*[{(]")]
    private static partial Regex BibEntryStart();

    [GeneratedRegex(@"([A-Za-z][\w:.+-]*)\s*=\s*")]
    private static partial Regex BibField();

    [GeneratedRegex(@"arxiv(?:\.org/(?:abs|pdf)/|[:.]|\s+)\s*([0-9]{4}\.[0-9]{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7})", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivMention();

    [GeneratedRegex(@"^(?:[0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")]
    private static partial Regex BareArxivId();

    [GeneratedRegex(@"\\[a-zA-Z]+\*?\s*|\\.")]
    private static partial Regex LatexCommand();
}

namespace DigestService.Feed;

/// <summary>The kind of body a format expects, and which declared content types fit it.</summary>
public sealed class FeedContent
{
    public static readonly FeedContent Json = new("JSON", ["application/json", "text/json"], "+json");
    public static readonly FeedContent Xml = new("XML", ["application/xml", "text/xml"], "+xml");
    public static readonly FeedContent Html = new("HTML", ["text/html", "application/xhtml+xml"], null);

    // Servers that do not say what they send (raw.githubusercontent.com serves feeds as text/plain): the parser decides.
    private static readonly string[] Undeclared = ["", "text/plain", "application/octet-stream", "binary/octet-stream"];

    private readonly string[] _types;
    private readonly string? _suffix;

    private FeedContent(string name, string[] types, string? suffix)
    {
        Name = name;
        _types = types;
        _suffix = suffix;
    }

    public string Name { get; }

    public bool IsHtml => ReferenceEquals(this, Html);

    public bool Accepts(string mediaType) =>
        Undeclared.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
        || _types.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
        || (_suffix is not null && mediaType.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase));
}

using System.Text;

namespace DigestService.Papers;

/// <summary>Text clean-up shared by the parsers: arXiv hard-wraps titles and abstracts.</summary>
public static class Text
{
    public static string CollapseWhitespace(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}

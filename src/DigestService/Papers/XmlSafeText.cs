using System.Text;
using System.Xml;

namespace DigestService.Papers;

/// <summary>
/// Text without the characters XML 1.0 forbids (C0 controls but tab, CR and LF; U+FFFE, U+FFFF; halves of surrogate
/// pairs), nor the C1 controls: feeds carry them by accident, and one would break every page, digest and feed built
/// from the paper. Ingest cleans what it stores; the RSS writer cleans again for text stored before that.
/// </summary>
public static class XmlSafeText
{
    public static string Clean(string text)
    {
        if (IsClean(text))
            return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                builder.Append(text[i]).Append(text[++i]);
            else if (Allowed(text[i]))
                builder.Append(text[i]);
        }
        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (!Allowed(text[i]))
                return false;
        }
        return true;
    }

    private static bool Allowed(char c) => XmlConvert.IsXmlChar(c) && !(c is >= '\u007F' and <= '\u009F');
}

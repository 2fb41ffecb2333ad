using System.Text;

namespace DigestService.Digest;

/// <summary>A reader's digest: its subject and its two parts in UTF-8, as the message carries them.</summary>
public sealed record RenderedDigest(string Subject, byte[] HtmlUtf8, byte[] TextUtf8)
{
    public string Html => Encoding.UTF8.GetString(HtmlUtf8);

    public string Text => Encoding.UTF8.GetString(TextUtf8);
}

using System.Net;
using System.Text;
using DigestService.Templates;

namespace DigestService.Digest;

/// <summary>
/// A digest page rendered once with slot tokens for what differs between its readers: their address, their
/// preferences, unsubscribe and "View in browser" links and the feedback links of each paper. Filling it in for a
/// reader copies the pieces between the slots. Immutable, so renderers share it.
/// </summary>
internal sealed class DigestPage
{
    // Tokens that no template text or escaping changes, and none the beginning of another ("…/more-1/" vs "…/more-10/").
    public const string EmailSlot = "digest-slot-email-5b1e9c";
    public const string PreferencesSlot = "https://digest-slot-5b1e9c.invalid/preferences/";
    public const string UnsubscribeSlot = "https://digest-slot-5b1e9c.invalid/unsubscribe/";
    public const string ViewSlot = "https://digest-slot-5b1e9c.invalid/view/";

    // UTF-8, as the message carries it: half the memory of a string, and nothing to encode per reader.
    private readonly Slots<byte> _html;
    private readonly Slots<byte> _text;

    public DigestPage(string subject, string html, string text, int papers)
    {
        Subject = subject;
        string[] tokens = [EmailSlot, PreferencesSlot, UnsubscribeSlot, ViewSlot, .. Enumerable.Range(0, papers).SelectMany(i => new[] { MoreSlot(i), LessSlot(i) })];
        var utf8 = tokens.Select(Encoding.UTF8.GetBytes).ToList();
        _html = new Slots<byte>(Encoding.UTF8.GetBytes(html), utf8);
        _text = new Slots<byte>(Encoding.UTF8.GetBytes(text), utf8);
    }

    public string Subject { get; }

    public static string MoreSlot(int paper) => $"https://digest-slot-5b1e9c.invalid/more-{paper}/";

    public static string LessSlot(int paper) => $"https://digest-slot-5b1e9c.invalid/less-{paper}/";

    /// <summary>The reader's digest; <paramref name="values"/> in the order of the slots: address, preferences, unsubscribe, view, then more and less of each paper.</summary>
    public RenderedDigest Fill(IReadOnlyList<string> values) => new(
        Subject,
        _html.Fill([.. values.Select(v => Encoding.UTF8.GetBytes(WebUtility.HtmlEncode(v)))]),
        _text.Fill([.. values.Select(Encoding.UTF8.GetBytes)]));
}

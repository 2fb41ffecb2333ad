using System.Net;
using DigestService.Templates;

namespace DigestService.Digest;

/// <summary>
/// A digest as everyone with the same papers, edition and kind of list gets it: rendered and CSS-inlined once, with
/// slots where each subscriber's email, preferences link and unsubscribe link go. Filling the slots is all a
/// subscriber costs. Immutable, so renderers share it.
/// </summary>
public sealed class DigestPage
{
    public const string EmailSlot = "digest-slot-email-5b1e9c";
    public const string PreferencesSlot = "https://digest-slot-preferences-5b1e9c.invalid/";
    public const string UnsubscribeSlot = "https://digest-slot-unsubscribe-5b1e9c.invalid/";
    private static readonly char[][] Tokens = [EmailSlot.ToCharArray(), PreferencesSlot.ToCharArray(), UnsubscribeSlot.ToCharArray()];

    private readonly Slots<char> _html, _text;

    public DigestPage(string subject, string html, string text)
    {
        Subject = subject;
        _html = new Slots<char>(html, Tokens);
        _text = new Slots<char>(text, Tokens);
    }

    public string Subject { get; }

    /// <summary>The page of one subscriber; values are HTML-escaped in the HTML part.</summary>
    public RenderedDigest Fill(string email, string preferencesUrl, string unsubscribeUrl) => new(
        Subject,
        new string(_html.Fill([.. new[] { email, preferencesUrl, unsubscribeUrl }.Select(v => WebUtility.HtmlEncode(v).ToCharArray())])),
        new string(_text.Fill([email.ToCharArray(), preferencesUrl.ToCharArray(), unsubscribeUrl.ToCharArray()])));
}

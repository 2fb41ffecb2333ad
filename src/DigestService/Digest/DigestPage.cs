using System.Net;

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
    private static readonly string[] Slots = [EmailSlot, PreferencesSlot, UnsubscribeSlot];

    private readonly Filled _html, _text;

    public DigestPage(string subject, string html, string text)
    {
        Subject = subject;
        _html = new Filled(html);
        _text = new Filled(text);
    }

    public string Subject { get; }

    /// <summary>The page of one subscriber; values are HTML-escaped in the HTML part.</summary>
    public RenderedDigest Fill(string email, string preferencesUrl, string unsubscribeUrl) => new(
        Subject,
        _html.With([WebUtility.HtmlEncode(email), WebUtility.HtmlEncode(preferencesUrl), WebUtility.HtmlEncode(unsubscribeUrl)]),
        _text.With([email, preferencesUrl, unsubscribeUrl]));

    /// <summary>A text cut at its slots once, so filling it is one pass that copies the pieces between.</summary>
    private sealed class Filled
    {
        private readonly List<string> _pieces = [];
        private readonly List<int> _slots = [];

        public Filled(string text)
        {
            var start = 0;
            while (true)
            {
                var (at, slot) = Slots.Select((s, i) => (At: text.IndexOf(s, start, StringComparison.Ordinal), Slot: i))
                    .Where(x => x.At >= 0).DefaultIfEmpty((At: -1, Slot: -1)).MinBy(x => x.At);
                if (at < 0)
                    break;
                _pieces.Add(text[start..at]);
                _slots.Add(slot);
                start = at + Slots[slot].Length;
            }
            _pieces.Add(text[start..]);
        }

        public string With(string[] values)
        {
            var length = _pieces.Sum(p => p.Length) + _slots.Sum(s => values[s].Length);
            return string.Create(length, (this, values), static (span, state) =>
            {
                var (self, values) = state;
                for (var i = 0; i < self._pieces.Count; i++)
                {
                    self._pieces[i].AsSpan().CopyTo(span);
                    span = span[self._pieces[i].Length..];
                    if (i < self._slots.Count)
                    {
                        values[self._slots[i]].AsSpan().CopyTo(span);
                        span = span[values[self._slots[i]].Length..];
                    }
                }
            });
        }
    }
}

using System.Buffers;
using System.Text;
using DigestService.Templates;
using MimeKit;
using MimeKit.Encodings;

namespace DigestService.Delivery;

/// <summary>
/// One page's message as MimeKit writes it, cut at slot tokens for what differs per subscriber: the To address, the
/// Message-ID, the unsubscribe link and the two encoded parts. Filling it copies the pieces between and
/// quoted-printable-encodes the subscriber's own text and HTML (the encoding MimeKit picks for them anyway), instead of
/// building, preparing and formatting a MIME tree per subscriber. Thread-safe once built.
/// </summary>
public sealed class MessageTemplate
{
    private const string ToSlot = "slot-to-5b1e9c@slot.invalid";
    private const string MessageIdSlot = "slot-id-5b1e9c@slot.invalid";
    private const string UnsubscribeSlot = "https://slot-unsubscribe-5b1e9c.invalid/";
    private const string TextSlot = "slot-text-5b1e9c";
    private const string HtmlSlot = "slot-html-5b1e9c";
    private static readonly byte[][] Tokens =
        [.. new[] { ToSlot, MessageIdSlot, UnsubscribeSlot, TextSlot + "\r\n", HtmlSlot + "\r\n" }.Select(Encoding.ASCII.GetBytes)];

    private readonly Slots<byte> _message;

    public MessageTemplate(MessageFactory messages, string subject)
    {
        using var message = messages.QuotedPrintable(ToSlot, subject, TextSlot + "\n", HtmlSlot + "\n", MessageIdSlot, UnsubscribeSlot);
        _message = new Slots<byte>(MessageFactory.WireBytes(message), Tokens);
        if (_message.Count != Tokens.Length)
            throw new InvalidOperationException($"MimeKit wrote the message template with {_message.Count} of its {Tokens.Length} slots.");
    }

    /// <summary>The message of one subscriber, as <see cref="MessageFactory.WireBytes"/> would write it.</summary>
    public byte[] Fill(string to, string messageId, string unsubscribeUrl, byte[] text, byte[] html) => _message.Fill(
    [
        // UTF-8: a local part beyond ASCII goes as is (SMTPUTF8), as MimeKit writes it in the header.
        Encoding.UTF8.GetBytes(MailboxAddress.Parse(to).ToString(MessageFactory.WireFormat, encode: true)),
        Encoding.ASCII.GetBytes(messageId),
        Encoding.ASCII.GetBytes(unsubscribeUrl),
        QuotedPrintable(text),
        QuotedPrintable(html),
    ]);

    /// <summary>UTF-8 text, quoted-printable, CRLF line ends, ending in a line end: what MimeKit writes for a text part.</summary>
    private static byte[] QuotedPrintable(byte[] utf8)
    {
        // MimeKit's encoder on whole arrays: a part is encoded in one call, without streams or growing buffers.
        if (utf8.Length == 0 || utf8[^1] != '\n')
            utf8 = [.. utf8, (byte)'\n'];
        var encoder = new QuotedPrintableEncoder();
        var encoded = ArrayPool<byte>.Shared.Rent(encoder.EstimateOutputLength(utf8.Length));
        try
        {
            var lf = encoded.AsSpan(0, encoder.Flush(utf8, 0, utf8.Length, encoded));
            var crlf = new byte[lf.Length + lf.Count((byte)'\n')];
            var at = 0;
            foreach (var b in lf)
            {
                if (b == '\n')
                    crlf[at++] = (byte)'\r';
                crlf[at++] = b;
            }
            return crlf;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }
}

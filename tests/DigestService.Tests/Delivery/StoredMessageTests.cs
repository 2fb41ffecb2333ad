using System.Text;
using DigestService.Delivery;
using MimeKit;

namespace DigestService.Tests.Delivery;

/// <summary>A stored message goes on the wire byte for byte, so a retry sends what the first attempt sent (and a DKIM signature holds).</summary>
public class StoredMessageTests
{
    private static byte[] Rendered()
    {
        var message = new MimeMessage { Subject = "Trending papers", MessageId = "digest.1.abc@example.org" };
        message.From.Add(new MailboxAddress("Digest", "digest@example.org"));
        message.To.Add(new MailboxAddress("", "reader@example.org"));
        message.Headers.Add("List-Unsubscribe", "<https://digest.example.org/unsubscribe/t>");
        message.Body = new BodyBuilder { TextBody = "one\n.two\n", HtmlBody = "<p>" + new string('x', 2000) + " caf\u00e9</p>" }.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit);
        return MessageFactory.WireBytes(message);
    }

    private static byte[] Written(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        return stream.ToArray();
    }

    [Fact]
    public void It_writes_the_stored_bytes_unchanged_and_reads_the_envelope_from_its_headers()
    {
        var stored = Rendered();
        using var message = StoredMessage.Parse(stored);

        Assert.Equal(Encoding.ASCII.GetString(stored), Encoding.ASCII.GetString(Written(message)));
        Assert.Equal(stored.Length, message.Size);
        Assert.Equal("reader@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("digest@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("digest.1.abc@example.org", message.MessageId);
    }

    [Fact]
    public void A_message_stored_with_lf_line_ends_goes_out_with_crlf()
    {
        var crlf = Rendered();
        var lf = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(crlf).Replace("\r\n", "\n", StringComparison.Ordinal));
        using var message = StoredMessage.Parse(lf);

        Assert.Equal(Encoding.ASCII.GetString(crlf), Encoding.ASCII.GetString(Written(message)));
        Assert.Equal(crlf.Length, message.Size);
    }
}

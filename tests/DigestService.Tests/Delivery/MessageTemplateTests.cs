using DigestService.Config;
using DigestService.Delivery;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Tests.Delivery;

/// <summary>A page's message template filled for one subscriber is the multipart message MimeKit would have made for them.</summary>
public class MessageTemplateTests
{
    private static readonly MessageFactory Messages = new(
        Options.Create(new SmtpOptions { From = "Digest <digest@example.org>" }),
        Options.Create(new SiteOptions()),
        new DkimSigning(Options.Create(new DkimOptions()), environment: null!),
        TimeProvider.System);

    [Fact]
    public void Filling_in_a_subscriber_gives_their_address_id_links_and_both_parts_decoding_to_what_was_rendered()
    {
        var template = new MessageTemplate(Messages, "Trending papers for August 14, 2026");
        var text = "Caf\u00e9 \u2014 na\u00efve =\n.a line starting with a dot\n" + new string('w', 300) + "\nYou get this because ada@b\u00fccher.de subscribed.";
        var html = "<p>\u00dcber " + new string('x', 2000) + "</p>\n<p><a href=\"https://digest.example.org/unsubscribe/t\">Unsubscribe</a></p>\n";

        var bytes = template.Fill("ada@b\u00fccher.de", "digest.20260814.7.00ff@example.org", "https://digest.example.org/unsubscribe/t",
            System.Text.Encoding.UTF8.GetBytes(text), System.Text.Encoding.UTF8.GetBytes(html));
        using var message = MimeMessage.Load(new MemoryStream(bytes));

        Assert.Equal("ada@b\u00fccher.de", message.To.Mailboxes.Single().Address);
        Assert.Equal("digest.20260814.7.00ff@example.org", message.MessageId);
        Assert.Equal("<https://digest.example.org/unsubscribe/t>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("Trending papers for August 14, 2026", message.Subject);
        Assert.Equal(text + "\n", message.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(html, message.HtmlBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.DoesNotContain(bytes, b => b > 127);
        Assert.Equal(bytes.AsSpan().Count((byte)'\n'), bytes.AsSpan().Count("\r\n"u8));
        Assert.All(System.Text.Encoding.ASCII.GetString(bytes).Split("\r\n"), line => Assert.True(line.Length <= 998, $"a line of {line.Length} octets"));
    }
}

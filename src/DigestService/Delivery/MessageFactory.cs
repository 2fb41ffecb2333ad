using System.Security.Cryptography;
using DigestService.Config;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// Builds the MIME messages the service sends: multipart/alternative, text first and HTML last, DKIM-signed when
/// configured. The result is final: callers store or send it as it is, since any change would break the signature.
/// </summary>
public sealed class MessageFactory(IOptions<SmtpOptions> smtp, IOptions<SiteOptions> site, DkimSigning dkim, TimeProvider clock)
{
    public MimeMessage Create(string to, string subject, string text, string html, string messageId, string? unsubscribeUrl)
    {
        var message = new MimeMessage
        {
            Subject = subject,
            Date = clock.GetUtcNow(),
            MessageId = messageId,
        };
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        if (unsubscribeUrl is not null)
        {
            // RFC 2369 and RFC 8058: the one-click POST endpoint, so mail clients offer "unsubscribe" themselves.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.Headers.Add("List-Id", $"{site.Value.Name} <digest.{Domain}>");
            message.Headers.Add("Precedence", "bulk");
        }
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        // Encoded for any SMTP server now, so the send path need not (and a signature stays valid).
        message.Prepare(EncodingConstraint.SevenBit);
        dkim.Sign(message);
        return message;
    }

    /// <summary>
    /// A new Message-ID: <paramref name="kind"/> for people reading logs, then 64 random bits, so no two emails share
    /// one however fast they go out, and nobody can guess one to forge a bounce. Stored with a digest, so its retries
    /// keep it.
    /// </summary>
    public string NewMessageId(string kind) => $"{kind}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}@{Domain}";

    private string Domain
    {
        get
        {
            var address = MailboxAddress.Parse(smtp.Value.From).Address;
            return address[(address.LastIndexOf('@') + 1)..];
        }
    }
}

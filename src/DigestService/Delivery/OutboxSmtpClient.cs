using MailKit.Net.Smtp;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// MailKit's client, taught what the outbox already knows about a stored message: its size (MailKit would otherwise
/// write the whole message once just to measure it for SIZE=).
/// </summary>
public sealed class OutboxSmtpClient : SmtpClient
{
    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        message is StoredMessage stored ? Task.FromResult(stored.Size) : base.GetSizeAsync(options, message, cancellationToken);
}

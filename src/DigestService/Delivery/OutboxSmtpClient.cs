using MailKit.Net.Smtp;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// MailKit's client, taught what the outbox already knows about a stored message: its size (MailKit would otherwise
/// write the whole message once just to measure it for SIZE=) and that it was prepared for a 7-bit transport when it
/// was rendered (so it must not be re-encoded, which would also break a DKIM signature). It also holds the message
/// body back until the previous message's outcome is recorded; the envelope goes out meanwhile.
/// </summary>
public sealed class OutboxSmtpClient : SmtpClient
{
    private (MimeMessage Message, long Size, Task Ready)? _stored;

    public async Task<string> SendStoredAsync(MimeMessage message, long size, Task ready, CancellationToken cancellationToken)
    {
        _stored = (message, size, ready);
        try
        {
            return await SendAsync(message, cancellationToken);
        }
        finally
        {
            _stored = null;
        }
    }

    protected override void Prepare(FormatOptions options, MimeMessage message, EncodingConstraint constraint, int maxLineLength)
    {
        if (_stored?.Message != message)
            base.Prepare(options, message, constraint, maxLineLength);
    }

    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        _stored is { } stored && stored.Message == message ? Task.FromResult(stored.Size) : base.GetSizeAsync(options, message, cancellationToken);

    /// <summary>
    /// The server has the envelope and waits for DATA: only the body makes it accept the message, so this is the
    /// last moment to wait for the previous outcome to be on disk. MailKit's hook is synchronous; the wait is short
    /// (one group commit) and usually over before the server has answered RCPT TO.
    /// </summary>
    protected override void OnRecipientAccepted(MimeMessage message, MimeKit.MailboxAddress mailbox, SmtpResponse response)
    {
        if (_stored is { } stored && stored.Message == message && !stored.Ready.IsCompleted)
            stored.Ready.GetAwaiter().GetResult();
        base.OnRecipientAccepted(message, mailbox, response);
    }
}

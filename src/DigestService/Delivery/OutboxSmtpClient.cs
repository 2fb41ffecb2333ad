using MailKit.Net.Smtp;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// MailKit's client, taught what the outbox already knows about a stored message: its size (MailKit would otherwise
/// write the whole message once just to measure it for SIZE=). It also holds the message body back until the previous
/// message's outcome is recorded; the envelope goes out meanwhile.
/// </summary>
public sealed class OutboxSmtpClient : SmtpClient
{
    private (StoredMessage Message, Task Ready)? _stored;

    public async Task<string> SendStoredAsync(StoredMessage message, Task ready, CancellationToken cancellationToken)
    {
        _stored = (message, ready);
        try
        {
            return await SendAsync(message, cancellationToken);
        }
        finally
        {
            _stored = null;
        }
    }

    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        message is StoredMessage stored ? Task.FromResult(stored.Size) : base.GetSizeAsync(options, message, cancellationToken);

    /// <summary>
    /// The server has the envelope and waits for DATA: only the body makes it accept the message, so this is the
    /// last moment to wait for the previous outcome to be on disk. MailKit's hook is synchronous; the wait is short
    /// (one group commit) and usually over before the server has answered RCPT TO.
    /// </summary>
    protected override void OnRecipientAccepted(MimeMessage message, MimeKit.MailboxAddress mailbox, SmtpResponse response)
    {
        if (_stored is { } stored && stored.Message == message && !stored.Ready.IsCompleted)
        {
            // Block without spinning first (as Task.Wait would): on a busy machine the spin takes the core the
            // recorder needs to finish the commit waited for.
            ((IAsyncResult)stored.Ready).AsyncWaitHandle.WaitOne();
            stored.Ready.GetAwaiter().GetResult();
        }
        base.OnRecipientAccepted(message, mailbox, response);
    }
}

using System.Net.Sockets;
using DigestService.Store;
using MailKit;
using MailKit.Net.Smtp;

namespace DigestService.Delivery;

/// <summary>
/// What a failed attempt means for its delivery, read from the SMTP reply or the kind of error. <see cref="SenderRefused"/>:
/// the server refused our own MAIL FROM, which says nothing about the subscriber and will not mend within the run.
/// </summary>
public sealed record SmtpOutcome(string State, string Reply, bool Reconnect, bool SenderRefused = false)
{
    public static SmtpOutcome? Classify(Exception error) => error switch
    {
        // 421 means the server is closing the connection: reconnect and go on.
        SmtpCommandException e when (int)e.StatusCode == 421 => new(DeliveryState.Retry, Describe(e), Reconnect: true),
        SmtpCommandException e when (int)e.StatusCode is >= 400 and < 500 => new(DeliveryState.Retry, Describe(e), Reconnect: false),
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } e => new(DeliveryState.Failed, Describe(e), Reconnect: false, SenderRefused: true),
        SmtpCommandException e => new(Permanent(e), Describe(e), Reconnect: false),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException =>
            new(DeliveryState.Retry, $"connection lost: {error.Message}", Reconnect: true),
        _ => null,
    };

    /// <summary>
    /// A 5xx by its enhanced status code, when it came about the recipient (RCPT TO, or the end of DATA: many servers
    /// and filters refuse there): a bad address is a hard bounce, a full mailbox is retried, policy and the rest fail
    /// the one message. Without a code, refused at RCPT TO is the address. Any other stage is never the address.
    /// </summary>
    private static string Permanent(SmtpCommandException e) => (EnhancedStatus.Parse(e.Message), e.ErrorCode) switch
    {
        ({ Class: 5, IsTransient: true }, _) => DeliveryState.Retry,
        ({ Class: 5, IsHardBounce: true }, SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted) => DeliveryState.Bounced,
        (null, SmtpErrorCode.RecipientNotAccepted) => DeliveryState.Bounced,
        _ => DeliveryState.Failed,
    };

    private static string Describe(SmtpCommandException e) => $"{(int)e.StatusCode} {e.Message}".Trim();
}

using System.Net.Sockets;
using DigestService.Store;
using MailKit;
using MailKit.Net.Smtp;

namespace DigestService.Delivery;

/// <summary>What a failed attempt means for its delivery, read from the SMTP reply or the kind of error.</summary>
public sealed record SmtpOutcome(string State, string Reply, bool Reconnect)
{
    public static SmtpOutcome? Classify(Exception error) => error switch
    {
        // 421 means the server is closing the connection: reconnect and go on.
        SmtpCommandException e when (int)e.StatusCode == 421 => new(DeliveryState.Retry, Describe(e), Reconnect: true),
        SmtpCommandException e when (int)e.StatusCode is >= 400 and < 500 => new(DeliveryState.Retry, Describe(e), Reconnect: false),
        SmtpCommandException e => new(Permanent(e), Describe(e), Reconnect: false),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException =>
            new(DeliveryState.Retry, $"connection lost: {error.Message}", Reconnect: true),
        _ => null,
    };

    /// <summary>
    /// A 5xx by its enhanced status code, wherever it came (RCPT TO or the end of DATA: many servers and filters
    /// refuse there): a bad address is a hard bounce, a full mailbox is retried, policy and the rest fail the one
    /// message. Without a code, by the stage: refused at RCPT TO is the address, elsewhere the message.
    /// </summary>
    private static string Permanent(SmtpCommandException e) => EnhancedStatus.Parse(e.Message) switch
    {
        { Class: 5, IsHardBounce: true } => DeliveryState.Bounced,
        { Class: 5, IsTransient: true } => DeliveryState.Retry,
        { Class: 5 } => DeliveryState.Failed,
        _ => e.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? DeliveryState.Bounced : DeliveryState.Failed,
    };

    private static string Describe(SmtpCommandException e) => $"{(int)e.StatusCode} {e.Message}".Trim();
}

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
        // 5xx on the recipient (550 5.1.1 and kin): the address is bad, a hard bounce.
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } e when (int)e.StatusCode >= 500 =>
            new(DeliveryState.Bounced, Describe(e), Reconnect: false),
        // 421 means the server is closing the connection: reconnect and go on.
        SmtpCommandException e when (int)e.StatusCode == 421 => new(DeliveryState.Retry, Describe(e), Reconnect: true),
        SmtpCommandException e when (int)e.StatusCode is >= 400 and < 500 => new(DeliveryState.Retry, Describe(e), Reconnect: false),
        SmtpCommandException e => new(DeliveryState.Failed, Describe(e), Reconnect: false),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or ServiceNotAuthenticatedException =>
            new(DeliveryState.Retry, $"connection lost: {error.Message}", Reconnect: true),
        _ => null,
    };

    private static string Describe(SmtpCommandException e) => $"{(int)e.StatusCode} {e.Message}".Trim();
}

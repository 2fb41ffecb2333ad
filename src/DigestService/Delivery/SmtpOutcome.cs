using System.Net.Sockets;
using System.Text.RegularExpressions;
using DigestService.Store;
using MailKit;
using MailKit.Net.Smtp;

namespace DigestService.Delivery;

/// <summary>What a failed attempt means for its delivery, read from the SMTP reply or the kind of error.</summary>
public sealed partial record SmtpOutcome(string State, string Reply, bool Reconnect)
{
    public static SmtpOutcome? Classify(Exception error) => error switch
    {
        // 5xx on the recipient (550 5.1.1 and kin): the address is bad, a hard bounce. A 5.7.x there is the server's
        // policy (relaying denied, sender not allowed), which says nothing about the address.
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } e when (int)e.StatusCode >= 500 =>
            new(IsPolicy(e) ? DeliveryState.Failed : DeliveryState.Bounced, Describe(e), Reconnect: false),
        // 421 means the server is closing the connection: reconnect and go on.
        SmtpCommandException e when (int)e.StatusCode == 421 => new(DeliveryState.Retry, Describe(e), Reconnect: true),
        SmtpCommandException e when (int)e.StatusCode is >= 400 and < 500 => new(DeliveryState.Retry, Describe(e), Reconnect: false),
        SmtpCommandException e => new(DeliveryState.Failed, Describe(e), Reconnect: false),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException =>
            new(DeliveryState.Retry, $"connection lost: {error.Message}", Reconnect: true),
        _ => null,
    };

    private static bool IsPolicy(SmtpCommandException e) => PolicyStatus().IsMatch(e.Message);

    private static string Describe(SmtpCommandException e) => $"{(int)e.StatusCode} {e.Message}".Trim();

    [GeneratedRegex(@"^\s*5\.7\.\d{1,3}\b")]
    private static partial Regex PolicyStatus();
}

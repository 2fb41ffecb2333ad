using System.Net;
using DigestService.Config;
using MailKit.Security;

namespace DigestService.Delivery;

/// <summary>
/// How a MailKit client secures its connection. <c>Auto</c> is TLS on connect on the protocol's implicit-TLS port
/// (465, 993, 995), STARTTLS when offered to a loopback relay, and required STARTTLS everywhere else.
/// </summary>
public static class TlsChoice
{
    public static SecureSocketOptions For(SmtpSecurity security, string host, int port, int implicitTlsPort) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ when port == implicitTlsPort => SecureSocketOptions.SslOnConnect,
        _ when IsLoopback(host) => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}

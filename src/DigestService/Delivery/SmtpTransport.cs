using System.Net;
using DigestService.Config;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>MailKit SMTP. <c>Auto</c> is TLS on port 465 and required STARTTLS elsewhere, except to a loopback relay.</summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = new SmtpClient { Timeout = 60_000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password, cancellationToken);
            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static SecureSocketOptions SocketOptions(SmtpOptions smtp) => smtp.Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ when smtp.Port == 465 => SecureSocketOptions.SslOnConnect,
        _ when IsLoopback(smtp.Host) => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public bool IsConnected => client.IsConnected;

        public Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                    await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // The server is gone already; there is nothing left to close politely.
            }
            client.Dispose();
        }
    }
}

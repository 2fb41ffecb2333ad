using System.Net.Sockets;
using DigestService.Config;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>MailKit SMTP, one client per connection. Security follows <see cref="TlsChoice"/> with 465 as the TLS port.</summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = new OutboxSmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Our own socket, to turn Nagle off: the final "." of DATA is a small write, and waiting for the ACK of the
            // body before sending it costs a delayed-ACK period (40 ms) per message.
            await socket.ConnectAsync(smtp.Host, smtp.Port, cancellationToken);
            await client.ConnectAsync(socket, smtp.Host, smtp.Port, TlsChoice.For(smtp.Security, smtp.Host, smtp.Port, 465), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password, cancellationToken);
            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private sealed class Connection(OutboxSmtpClient client) : IMailConnection
    {
        public bool IsConnected => client.IsConnected;

        public Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            client.SendAsync(message, cancellationToken);

        public Task NoOpAsync(CancellationToken cancellationToken) => client.NoOpAsync(cancellationToken);

        public void Drop() => client.Dispose();

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                    await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // The server is gone already; there is nothing left to close politely.
            }
            client.Dispose();
        }
    }
}

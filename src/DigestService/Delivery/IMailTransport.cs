using MimeKit;

namespace DigestService.Delivery;

/// <summary>Where mail goes: an SMTP server (MailKit) or, with no server configured, a pickup folder of .eml files.</summary>
public interface IMailTransport
{
    /// <summary>Opens one connection, reused for a batch of messages.</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

public interface IMailConnection : IAsyncDisposable
{
    /// <summary>Sends one message and returns the server's reply; throws MailKit's exceptions on failure.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Keeps an idle connection open; throws MailKit's exceptions when it is gone.</summary>
    Task NoOpAsync(CancellationToken cancellationToken);

    bool IsConnected { get; }

    /// <summary>Closes at once without saying QUIT: after a 421 or a drop the server is not listening any more.</summary>
    void Drop();
}

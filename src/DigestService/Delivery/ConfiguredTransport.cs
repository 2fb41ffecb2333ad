using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Delivery;

/// <summary>The transport the configuration chooses: the SMTP server when one is configured, else the pickup folder.</summary>
public sealed class ConfiguredTransport(IOptions<SmtpOptions> options, SmtpTransport smtp, PickupDirectoryTransport pickup) : IMailTransport
{
    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken) =>
        (options.Value.UsesPickupDirectory ? pickup : (IMailTransport)smtp).ConnectAsync(cancellationToken);
}

using DigestService.Config;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// The zero-configuration transport: each message becomes PICKUP/MESSAGE-ID.eml, written to a temporary name and
/// moved into place, so a reader never sees half a file and a retry overwrites rather than duplicates.
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<SmtpOptions> options, IHostEnvironment environment) : IMailTransport
{
    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        return Task.FromResult<IMailConnection>(new Connection(directory));
    }

    public static string FileNameFor(MimeMessage message) =>
        string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + ".eml";

    private sealed class Connection(string directory) : IMailConnection
    {
        public bool IsConnected => true;

        public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var path = Path.Combine(directory, FileNameFor(message));
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return $"written to {path}";
        }

        public Task NoOpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Drop()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using DigestService.Config;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// The zero-configuration transport: each message becomes PICKUP/MESSAGE-ID.eml, written to a temporary name and
/// moved into place, so a reader never sees half a file. A file is never overwritten: a name already taken gets a
/// counter (MESSAGE-ID-2.eml), as a mail server would deliver a message sent twice twice.
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
            var name = FileNameFor(message);
            var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
            await message.WriteToAsync(temporary, cancellationToken);
            for (var copy = 1; ; copy++)
            {
                var path = Path.Combine(directory, copy == 1 ? name : $"{Path.GetFileNameWithoutExtension(name)}-{copy}.eml");
                try
                {
                    File.Move(temporary, path, overwrite: false);
                    return $"written to {path}";
                }
                catch (IOException) when (File.Exists(path) && File.Exists(temporary))
                {
                    // Taken (by an earlier message or a concurrent writer): try the next name.
                }
            }
        }

        public Task NoOpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Drop()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

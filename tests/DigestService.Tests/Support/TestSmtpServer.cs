using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DigestService.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 that keeps every accepted message. Faults are injected
/// per recipient: <see cref="SenderReply"/> can refuse MAIL FROM, <see cref="RecipientReply"/> can refuse RCPT TO, <see cref="DataReply"/> can refuse the message
/// or drop the connection. <see cref="HoldData"/> keeps messages waiting before the server accepts them, and
/// <see cref="AcceptDelay"/> slows each one down. It counts connections and NOOPs.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.OrdinalIgnoreCase);
    private int _sessions, _noOps;
    private TaskCompletionSource _release = Released();

    public TestSmtpServer()
    {
        Port = FeedServer.FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, e) =>
        {
            Interlocked.Increment(ref _sessions);
            e.Context.CommandExecuting += (_, c) =>
            {
                if (c.Command is NoopCommand)
                    Interlocked.Increment(ref _noOps);
            };
        };
        // Off the test's synchronization context: xunit runs continuations there on as many threads as there are cores,
        // and a busy server would keep the test itself from running while it waits on the server.
        _running = Task.Run(() => _server.StartAsync(_stop.Token));
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>When each accepted message arrived, in order.</summary>
    public ConcurrentQueue<DateTimeOffset> Arrivals { get; } = new();

    /// <summary>Connections opened so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>NOOP commands received so far.</summary>
    public int NoOps => Volatile.Read(ref _noOps);

    /// <summary>How long the server takes over each message before it answers, like a slow relay.</summary>
    public TimeSpan AcceptDelay { get; set; }

    /// <summary>Given the sender, a reply to refuse MAIL FROM with, or null to accept.</summary>
    public Func<string, SmtpResponse?> SenderReply { get; set; } = _ => null;

    /// <summary>Given the recipient and how many times it was offered (1 first), a reply to refuse RCPT TO with, or null to accept.</summary>
    public Func<string, int, SmtpResponse?> RecipientReply { get; set; } = (_, _) => null;

    /// <summary>Given the recipient and attempt number, a reply to refuse DATA with, or null to accept.</summary>
    public Func<string, int, SmtpResponse?> DataReply { get; set; } = (_, _) => null;

    /// <summary>Recipients for whom the connection is dropped (no reply at all) on the given attempt.</summary>
    public Func<string, int, bool> DropConnection { get; set; } = (_, _) => false;

    /// <summary>Recipients of the messages waiting under <see cref="HoldData"/>, in arrival order.</summary>
    public ConcurrentQueue<string> Held { get; } = new();

    /// <summary>From now on the server keeps each message's DATA waiting, neither accepted nor refused, until <see cref="ReleaseData"/>.</summary>
    public void HoldData() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseData() => _release.TrySetResult();

    /// <summary>A reply for <see cref="RecipientReply"/> or <see cref="DataReply"/>, such as <c>Reply(550, "5.1.1 &lt;x&gt;: User unknown")</c> (the enhanced code starts the text, as real servers write it).</summary>
    public static SmtpResponse Reply(int code, string text) => new((SmtpReplyCode)code, text);

    /// <summary>How many times <paramref name="address"/> was offered (RCPT TO), whatever the answer.</summary>
    public int Attempts(string address) => _attempts.GetValueOrDefault(address);

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> arrived (they are sent in the background) and returns them.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1) =>
        Eventually.WaitAsync(() => To(address) is { } messages && messages.Count >= count ? messages : null, $"{count} email(s) to {address}");

    /// <summary>Settings that point the service at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Smtp:Host", "127.0.0.1"),
        new("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:Security", "None"),
    ];

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseData();
        _stop.Cancel();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class Filter(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            server.SenderReply(from.AsAddress()) is { } reply ? throw new SmtpResponseException(reply) : Task.FromResult(true);

        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.AsAddress();
            var attempt = server._attempts.AddOrUpdate(address, 1, (_, n) => n + 1);
            if (server.RecipientReply(address, attempt) is { } reply)
                throw new SmtpResponseException(reply);
            context.Properties["rcpt"] = address;
            context.Properties["attempt"] = attempt;
            return Task.FromResult(true);
        }
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var address = (string)context.Properties["rcpt"];
            var attempt = (int)context.Properties["attempt"];
            if (server.DropConnection(address, attempt))
            {
                // Closes the socket under the session, so the client gets no reply at all, as when a relay dies.
                context.Pipe.Dispose();
                throw new IOException("connection dropped on purpose");
            }
            if (server.DataReply(address, attempt) is { } reply)
                return reply;
            var release = server._release.Task;
            if (!release.IsCompleted)
            {
                server.Held.Enqueue(address);
                await release.WaitAsync(cancellationToken);
            }
            if (server.AcceptDelay > TimeSpan.Zero)
                await Task.Delay(server.AcceptDelay, cancellationToken);
            await using var stream = new MemoryStream(buffer.ToArray());
            server.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            server.Arrivals.Enqueue(DateTimeOffset.UtcNow);
            return SmtpResponse.Ok;
        }
    }
}

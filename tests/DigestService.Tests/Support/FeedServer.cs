using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DigestService.Tests.Support;

/// <summary>A canned HTTP answer.</summary>
public sealed record FeedAnswer(int Status, string Body, string ContentType = "application/json; charset=utf-8")
{
    public TimeSpan Delay { get; init; }

    /// <summary>Send the body chunked, without a Content-Length, as streaming servers do.</summary>
    public bool Chunked { get; init; }

    /// <summary>Drop the connection after this many body bytes, as a server that dies mid-answer does.</summary>
    public int? BreakAfterBytes { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static FeedAnswer Json(string body) => new(200, body);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) answering feed requests from a handler; by default it serves the
/// Hugging Face fixture of the requested <c>?date=</c> and <c>[]</c> for days it has no fixture for.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public FeedServer(Func<HttpListenerRequest, FeedAnswer>? handler = null)
    {
        Handler = handler ?? ServeFixtureDays;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/api/daily_papers";

    public Func<HttpListenerRequest, FeedAnswer> Handler { get; set; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public static FeedAnswer ServeFixtureDays(HttpListenerRequest request)
    {
        var date = request.QueryString["date"] ?? "";
        var path = Path.Combine(Fixtures.Folder, $"hf-daily-papers-{date}.json");
        return FeedAnswer.Json(File.Exists(path) ? File.ReadAllText(path) : "[]");
    }

    private const int FirstPort = 20_000;
    private const int LastPort = 32_000;
    private static int _nextPort = FirstPort + Random.Shared.Next(0, LastPort - FirstPort);

    /// <summary>
    /// A free loopback port for a server a test starts. Ports come from below Linux's ephemeral range (32768+), so an
    /// outgoing connection cannot take one between this check and the server's bind, and from a process-wide counter,
    /// so two tests running in parallel never get the same one.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = FirstPort + (Interlocked.Increment(ref _nextPort) - FirstPort) % (LastPort - FirstPort);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by something else on the machine: try the next one.
            }
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Requests.Enqueue(context.Request.Url!.PathAndQuery);
        try
        {
            var answer = Handler(context.Request);
            if (answer.Delay > TimeSpan.Zero)
                await Task.Delay(answer.Delay, _stop.Token);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers)
                context.Response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            if (answer.Chunked)
                context.Response.SendChunked = true;
            else
                context.Response.ContentLength64 = bytes.Length;
            if (answer.BreakAfterBytes is { } cut)
            {
                await context.Response.OutputStream.WriteAsync(bytes.AsMemory(0, cut), _stop.Token);
                await context.Response.OutputStream.FlushAsync(_stop.Token);
                context.Response.Abort();
                return;
            }
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
            context.Response.Close();
        }
        catch (Exception)
        {
            context.Response.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        // Close alone: on Linux, Stop then Close unregisters the port twice, and the second time HttpListener binds it
        // anew to look it up, which fails when another test has taken the port meanwhile.
        _listener.Close();
        await _loop;
    }
}

using System.Net;
using System.Text;
using DigestService.Config;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using DigestService.Store;

namespace DigestService.Feed;

/// <summary>
/// GETs a feed URL (conditionally when validators are known) and returns its body, turning every kind of bad answer
/// into a one-line error: status, content type, HTML error pages, empty and oversized bodies, timeouts.
/// </summary>
public sealed class FeedHttp(HttpClient http, IOptions<FeedOptions> options)
{
    public const string ClientName = "feed";

    public async Task<FeedResponse> GetAsync(Uri url, FeedContent expected, CacheValidators? known, CancellationToken cancellationToken)
    {
        var feed = options.Value;
        var where = url.GetLeftPart(UriPartial.Path);
        // The resilience pipeline ends when the headers arrive; this deadline also covers retries and the body.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(feed.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (known?.ETag is { } etag)
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (known?.LastModified is { } lastModified)
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode == HttpStatusCode.NotModified && known is { IsEmpty: false })
                return new FeedResponse(null, known);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {where}{RetryAfterNote(response)}", null, response.StatusCode);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!expected.Accepts(mediaType))
                throw new FeedFormatException(mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                    ? $"expected {expected.Name} but the answer is an HTML page ({mediaType})"
                    : $"expected {expected.Name} but the answer is {mediaType}");
            var body = await ReadCappedAsync(response.Content, feed.MaxResponseBytes, deadline.Token);
            if (string.IsNullOrWhiteSpace(body))
                throw new FeedFormatException("the answer is empty");
            if (!expected.IsHtml && LooksLikeHtml(body))
                throw new FeedFormatException($"expected {expected.Name} but the answer is an HTML page ({(mediaType.Length > 0 ? mediaType : "no content type")})");
            return new FeedResponse(body, Validators(response));
        }
        catch (Exception e) when (e is TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FeedTimeoutException($"no answer from {where} within {feed.Timeout} (Feed:Timeout)", e);
        }
        catch (BrokenCircuitException e)
        {
            throw new HttpRequestException($"{url.Host} failed repeatedly; requests to it are paused for a while ({e.Message.TrimEnd('.')})", e);
        }
        catch (HttpRequestException e) when (e.InnerException is System.Net.Sockets.SocketException socket)
        {
            // Name lookup failed, connection refused or unreachable: offline, or the host is blocked from here.
            throw new HttpRequestException(
                $"could not reach the host {url.Authority} ({socket.Message.TrimEnd('.')}); check the network, or set Feed:Url or Feed:Sources to a mirror this machine can reach", e);
        }
        catch (HttpRequestException e) when (e.StatusCode is null && e.InnerException is not null)
        {
            throw new HttpRequestException($"cannot reach {where}: {e.Message}", e);
        }
        catch (IOException e)
        {
            // The connection broke while the body streamed in (after the retries, which end with the headers).
            throw new HttpRequestException($"the answer from {where} broke off: {e.Message}", e);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes: a declared or streamed larger body is refused without being held.</summary>
    private static async Task<string> ReadCappedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
            throw new FeedFormatException($"the answer is {content.Headers.ContentLength} bytes, more than Feed:MaxResponseBytes ({limit})");
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new FeedFormatException($"the answer is more than Feed:MaxResponseBytes ({limit} bytes)");
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, EncodingOf(content), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"');
        try
        {
            return string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static CacheValidators Validators(HttpResponseMessage response) => new(
        response.Headers.ETag?.ToString(),
        response.Content.Headers.LastModified?.ToString("R"));

    private static string RetryAfterNote(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => $" (Retry-After {delta})",
        { Date: { } date } => $" (Retry-After {date:u})",
        _ => "",
    };

    private static bool LooksLikeHtml(string body)
    {
        var start = body.AsSpan().TrimStart();
        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}

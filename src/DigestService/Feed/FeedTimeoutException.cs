namespace DigestService.Feed;

/// <summary>A source gave no answer within Feed:Timeout: the rest of its window is not worth waiting for again.</summary>
public sealed class FeedTimeoutException(string message, Exception inner) : HttpRequestException(message, inner);

namespace DigestService.Feed;

/// <summary>A source answered with something that is not the feed we expect; the message is the one line users see.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);

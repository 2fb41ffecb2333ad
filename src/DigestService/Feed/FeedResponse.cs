using DigestService.Store;

namespace DigestService.Feed;

/// <summary>A feed answer: its body, or null when the server said 304 Not Modified; and its validators for next time.</summary>
public sealed record FeedResponse(string? Body, CacheValidators Validators);

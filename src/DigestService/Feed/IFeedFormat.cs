using DigestService.Config;

namespace DigestService.Feed;

/// <summary>One kind of source (its <c>Format</c> name): which URLs cover a window of days, and how to read an answer.</summary>
public interface IFeedFormat
{
    string Format { get; }

    FeedContent Content { get; }

    IReadOnlyList<FeedRequest> Requests(FeedSourceOptions source, IReadOnlyList<DateOnly> days);

    /// <summary>Throws <see cref="FeedFormatException"/> with a one-line reason when the answer is not this feed.</summary>
    ParsedFeed Parse(string body, FeedRequest request);
}

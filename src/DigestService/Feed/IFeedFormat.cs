using DigestService.Config;

namespace DigestService.Feed;

/// <summary>One kind of source (its <c>Format</c> name): fetches the window of days ending at a date and parses it.</summary>
public interface IFeedFormat
{
    string Format { get; }

    /// <summary>Throws <see cref="FeedFormatException"/> or <see cref="HttpRequestException"/> with a one-line reason.</summary>
    Task<IReadOnlyList<FeedPaper>> FetchAsync(FeedSourceOptions source, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken);
}

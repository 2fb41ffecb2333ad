using DigestService.Config;

namespace DigestService.Feed;

/// <summary>The Hugging Face JSON API: one request per listing day, <c>URL?date=YYYY-MM-DD</c>.</summary>
public sealed class HfApiFormat : IFeedFormat
{
    public string Format => "hf-api";

    public FeedContent Content => FeedContent.Json;

    public IReadOnlyList<FeedRequest> Requests(FeedSourceOptions source, IReadOnlyList<DateOnly> days) =>
        days.Select(day => new FeedRequest(new UriBuilder(source.Url) { Query = $"date={day:yyyy-MM-dd}" }.Uri, day, PerDay: true)).ToList();

    public ParsedFeed Parse(string body, FeedRequest request) => HfApiParser.Parse(body, request.ListedOn);
}

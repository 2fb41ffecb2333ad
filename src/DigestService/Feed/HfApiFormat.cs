using DigestService.Config;

namespace DigestService.Feed;

/// <summary>The Hugging Face JSON API: one request per listing day, <c>URL?date=YYYY-MM-DD</c>.</summary>
public sealed class HfApiFormat(FeedHttp http) : IFeedFormat
{
    public string Format => "hf-api";

    public async Task<IReadOnlyList<FeedPaper>> FetchAsync(FeedSourceOptions source, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var papers = new List<FeedPaper>();
        foreach (var day in days)
        {
            var url = new UriBuilder(source.Url) { Query = $"date={day:yyyy-MM-dd}" }.Uri;
            var body = await http.GetAsync(url, "JSON", cancellationToken);
            try
            {
                papers.AddRange(HfApiParser.Parse(body, day));
            }
            catch (FeedFormatException e)
            {
                throw new FeedFormatException($"{day:yyyy-MM-dd}: {e.Message}", e);
            }
        }
        return papers;
    }
}

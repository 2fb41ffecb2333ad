using System.Globalization;
using DigestService.Config;
using Microsoft.AspNetCore.WebUtilities;

namespace DigestService.Feed;

/// <summary>The Hugging Face JSON API: one request per listing day, <c>URL?date=YYYY-MM-DD</c>.</summary>
public sealed class HfApiFormat : IFeedFormat
{
    public string Format => "hf-api";

    public FeedContent Content => FeedContent.Json;

    public IReadOnlyList<FeedRequest> Requests(FeedSourceOptions source, IReadOnlyList<DateOnly> days) =>
        days.Select(day => new FeedRequest(DayUrl(source.Url, day), day, PerDay: true)).ToList();

    public ParsedFeed Parse(string body, FeedRequest request) => HfApiParser.Parse(body, request.ListedOn);

    /// <summary>The day goes where the URL says <c>{date}</c>; without it, into a <c>date</c> query parameter beside the URL's others.</summary>
    public static Uri DayUrl(string url, DateOnly day)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (url.Contains(FeedSourceOptions.DatePlaceholder, StringComparison.Ordinal))
            return new Uri(url.Replace(FeedSourceOptions.DatePlaceholder, date, StringComparison.Ordinal));
        var builder = new UriBuilder(url);
        var kept = QueryHelpers.ParseQuery(builder.Query)
            .Where(p => p.Key != "date")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        builder.Query = QueryHelpers.AddQueryString("", kept.Append(new("date", date)))[1..];
        return builder.Uri;
    }
}

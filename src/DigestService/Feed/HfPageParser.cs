using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace DigestService.Feed;

/// <summary>
/// Reads the Hugging Face papers page: the server-rendered block <c>data-target="DailyPapers"</c> carries its data as
/// JSON in <c>data-props</c> (entity-encoded in the HTML; the HTML parser decodes it). Its <c>dailyPapers</c> are API
/// entries, and its <c>date</c> (2024 layout) or <c>dateString</c> (2025 on) is the listing day.
/// </summary>
public static class HfPageParser
{
    public static ParsedFeed Parse(string html, DateOnly requestedDay)
    {
        var document = new HtmlParser().ParseDocument(html);
        var block = document.QuerySelector("[data-target=\"DailyPapers\"]")
            ?? throw new FeedFormatException("the page has no data-target=\"DailyPapers\" block (an error page, or the layout changed)");
        var props = block.GetAttribute("data-props");
        if (string.IsNullOrWhiteSpace(props))
            throw new FeedFormatException("the DailyPapers block has no data-props");
        using var json = HfApiParser.ParseJson(props, "the DailyPapers data-props");
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("dailyPapers", out var papers)
            || papers.ValueKind != JsonValueKind.Array)
            throw new FeedFormatException("the DailyPapers data-props have no dailyPapers list (the layout changed)");
        return HfApiParser.ParseEntries(papers, ListingDay(json.RootElement) ?? requestedDay);
    }

    /// <summary>The day the page lists; week and month pages (<c>2026-W33</c>, <c>2026-08</c>) have none and count for the requested day.</summary>
    private static DateOnly? ListingDay(JsonElement props)
    {
        if (HfApiParser.String(props, "dateString") is { } dateString
            && DateOnly.TryParseExact(dateString, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        if (HfApiParser.String(props, "date") is { } date
            && DateTimeOffset.TryParseExact(date, "yyyy-MM-dd'T'HH:mm:ss.FFFK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return DateOnly.FromDateTime(at.UtcDateTime);
        return null;
    }
}

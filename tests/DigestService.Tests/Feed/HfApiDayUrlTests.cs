using DigestService.Feed;

namespace DigestService.Tests.Feed;

/// <summary>hf-api URLs: the day goes into a date parameter beside the URL's own, or where the URL says {date}.</summary>
public class HfApiDayUrlTests
{
    private static readonly DateOnly Day = new(2026, 8, 14);

    [Theory]
    [InlineData("https://huggingface.co/api/daily_papers", "https://huggingface.co/api/daily_papers?date=2026-08-14")]
    [InlineData("https://huggingface.co/api/daily_papers?limit=100", "https://huggingface.co/api/daily_papers?limit=100&date=2026-08-14")]
    [InlineData("https://huggingface.co/api/daily_papers?date=2020-01-01&limit=5", "https://huggingface.co/api/daily_papers?limit=5&date=2026-08-14")]
    [InlineData("https://mirror.example.org/daily/{date}.json", "https://mirror.example.org/daily/2026-08-14.json")]
    [InlineData("https://huggingface.co/api/daily_papers?date={date}&limit=50", "https://huggingface.co/api/daily_papers?date=2026-08-14&limit=50")]
    public void The_day_is_put_where_the_url_says_or_added_to_its_query(string url, string expected) =>
        Assert.Equal(expected, HfApiFormat.DayUrl(url, Day).AbsoluteUri);
}

using System.Globalization;
using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary>The preferences page: what is saved, the form (showing <see cref="PreferencesValues"/>), pause, unsubscribe, and the data.</summary>
public sealed class PreferencesPage(WebPages pages, Forms forms, IOptions<TopicCatalogOptions> catalog, IOptions<SubscriptionOptions> subscriptions, TimeProvider clock)
{
    private static readonly IReadOnlyList<Choice> Hours =
        Enumerable.Range(0, 24).Select(h => new Choice(h.ToString(CultureInfo.InvariantCulture), $"{h:00}:00")).ToList();

    private static readonly IReadOnlyList<Choice> WeekDays =
        Enum.GetValues<DayOfWeek>().Select(d => new Choice(((int)d).ToString(CultureInfo.InvariantCulture), d.ToString())).ToList();

    public static readonly IReadOnlyList<Choice> PauseChoices =
        [new("7", "for a week"), new("14", "for two weeks"), new("30", "for a month"), new("90", "for three months")];

    /// <summary>Renders the page for <paramref name="subscriber"/> as saved, with the form showing <paramref name="values"/> (the saved ones by default).</summary>
    public IResult Render(HttpContext context, Subscriber subscriber, string? notice = null, string? error = null, PreferencesValues? values = null)
    {
        values ??= PreferencesValues.From(subscriber);
        var now = clock.GetUtcNow();
        var zones = TimeZones.All.Contains(values.TimeZone) ? TimeZones.All : [values.TimeZone, .. TimeZones.All];
        return pages.Page("preferences", "Your digest", new
        {
            subscriber.Email,
            subscriber.Status,
            Summary = SubscriptionSummary.Describe(subscriber, catalog.Value, now),
            PausedUntil = SubscriptionSummary.PausedUntil(subscriber, now),
            Notice = notice,
            Error = error,
            Topics = TopicSelection.Choices(catalog.Value, values.Topics),
            values.Keywords,
            subscriptions.Value.MaxKeywordsLength,
            values.Frequency,
            values.WeeklyDay,
            WeekDays,
            values.DeliveryHour,
            Hours,
            values.TimeZone,
            TimeZones = zones,
            values.MaxPapers,
            PauseChoices,
            FormToken = forms.Token(context),
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

/// <summary>One option of a select.</summary>
public sealed record Choice(string Value, string Label);

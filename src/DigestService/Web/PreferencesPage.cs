using System.Globalization;
using DigestService.Config;
using DigestService.Links;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary>
/// The preferences page: what is saved, the form (showing <see cref="PreferencesValues"/>), what the digest learned
/// (rated papers with undo, followed authors, library upload), pause, unsubscribe, and the data.
/// </summary>
public sealed class PreferencesPage(
    WebPages pages,
    Forms forms,
    SiteLinks links,
    ProfileStore profiles,
    IOptions<TopicCatalogOptions> catalog,
    IOptions<SubscriptionOptions> subscriptions,
    IOptions<ProfileOptions> profileOptions,
    TimeProvider clock)
{
    private static readonly IReadOnlyList<Choice> Hours =
        Enumerable.Range(0, 24).Select(h => new Choice(h.ToString(CultureInfo.InvariantCulture), $"{h:00}:00")).ToList();

    private static readonly IReadOnlyList<Choice> WeekDays =
        Enum.GetValues<DayOfWeek>().Select(d => new Choice(((int)d).ToString(CultureInfo.InvariantCulture), d.ToString())).ToList();

    public static readonly IReadOnlyList<Choice> PauseChoices =
        [new("7", "for a week"), new("14", "for two weeks"), new("30", "for a month"), new("90", "for three months")];

    /// <summary>Renders the page for <paramref name="subscriber"/> as saved, with the form showing <paramref name="values"/> (the saved ones by default).</summary>
    public async Task<IResult> RenderAsync(HttpContext context, Subscriber subscriber, string? notice = null, string? error = null, PreferencesValues? values = null)
    {
        values ??= PreferencesValues.From(subscriber);
        var rated = await profiles.EntriesAsync(subscriber.Id, context.RequestAborted);
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
            Authors = subscriber.Authors,
            Rated = rated.Select(r => new
            {
                Key = r.PaperKey,
                r.Title,
                Kind = r.Source == "library" ? "from your library" : r.Weight > 0 ? "more like this" : "less like this",
            }).ToList(),
            LibraryPath = links.PreferencesPath(subscriber.Id) + "/library",
            profileOptions.Value.MaxSeedEntries,
            FormToken = forms.Token(context),
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

/// <summary>One option of a select.</summary>
public sealed record Choice(string Value, string Label);

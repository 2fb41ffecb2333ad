using System.Globalization;
using System.Text.Json;
using DigestService.Config;
using DigestService.Feed;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;
using DigestService.Links;

namespace DigestService.Web;

/// <summary>
/// <c>GET|POST /preferences/{token}</c>. Every form of the page (and the gentler choices of the unsubscribe page)
/// posts here with a <c>do</c> field naming what to change; each change answers with the page as now saved.
/// </summary>
public sealed class PreferenceActions(
    PreferencesPage page,
    WebPages pages,
    Forms forms,
    PreferenceStore preferences,
    SubscriberStore subscribers,
    PersonalDataStore personalData,
    SignUpService signUps,
    IOptions<TopicCatalogOptions> catalog,
    SubscriberRules rules,
    ProfileStore profiles,
    IOptions<ProfileOptions> profileOptions,
    DigestMetrics metrics,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions ExportJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>A library upload may be this large: a few hundred entries with their abstracts.</summary>
    public const int MaxLibraryBytes = 4 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapSigned<PreferenceActions>("/preferences", TokenPurpose.Preferences,
            (actions, context, subscriber) => actions.Show(context, subscriber),
            (actions, context, subscriber) => actions.PostAsync(context, subscriber));
        app.MapPost("/preferences/{token}/library", ([AsParameters] SignedRequest<PreferenceActions> request) =>
            request.HandleAsync(TokenPurpose.Preferences, subscriber => request.Page.SeedAsync(request.Context, subscriber)));
    }

    private Task<IResult> Show(HttpContext context, Subscriber subscriber) => page.RenderAsync(context, subscriber);

    private async Task<IResult> PostAsync(HttpContext context, Subscriber subscriber)
    {
        var form = await forms.ReadAsync(context, checkAntiforgery: true);
        if (form.Refusal(pages) is { } refusal)
            return refusal;
        return form.Status switch
        {
            FormStatus.Unreadable => await page.RenderAsync(context, subscriber, error: $"{PostedForm.UnreadableMessage}, so nothing was changed. Please make your change again."),
            FormStatus.AntiforgeryFailed => await page.RenderAsync(context, subscriber,
                error: "This page was open too long or came from elsewhere, so nothing was changed. Please make your change again."),
            _ => await ApplyAsync(context, subscriber, form),
        };
    }

    private Task<IResult> ApplyAsync(HttpContext context, Subscriber subscriber, PostedForm form) => form.Value("do") switch
    {
        "save" => SaveAsync(context, subscriber, form),
        "pause" => PauseAsync(context, subscriber, form.Value("pause_days")),
        "resume" => ResumeAsync(context, subscriber),
        "unsubscribe" => UnsubscribeAsync(context, subscriber),
        "resubscribe" => ResubscribeAsync(context, subscriber),
        "drop-topic" => DropTopicAsync(context, subscriber, form.Value("topic")),
        "weekly" => SwitchToWeeklyAsync(context, subscriber),
        "export" => ExportAsync(context, subscriber),
        "delete" => DeleteAsync(context, subscriber, form.Value("confirm_delete") == "yes"),
        "authors" => SaveAuthorsAsync(context, subscriber, form.Value("authors")),
        "unrate" => UnrateAsync(context, subscriber, form.Value("paper")),
        _ => page.RenderAsync(context, subscriber, error: "That button is not one this page knows. Nothing was changed."),
    };

    private async Task<IResult> SaveAsync(HttpContext context, Subscriber subscriber, PostedForm form)
    {
        var values = PreferencesValues.From(form);
        var (checkedValues, error) = values.Check(rules);
        if (checkedValues is null)
            return await page.RenderAsync(context, subscriber, error: error + " Nothing was saved.", values: values);
        await preferences.SaveAsync(subscriber.Id, checkedValues, context.RequestAborted);
        return await SavedAsync(context, subscriber, "Saved.");
    }

    private async Task<IResult> PauseAsync(HttpContext context, Subscriber subscriber, string days)
    {
        if (PreferencesPage.PauseChoices.FirstOrDefault(c => c.Value == days) is not { } choice)
            return await page.RenderAsync(context, subscriber, error: "Choose how long to pause from the list.");
        await preferences.PauseAsync(subscriber.Id, clock.GetUtcNow().AddDays(int.Parse(choice.Value, CultureInfo.InvariantCulture)), context.RequestAborted);
        return await SavedAsync(context, subscriber, $"Paused {choice.Label}. Your settings stay as they are.");
    }

    private async Task<IResult> ResumeAsync(HttpContext context, Subscriber subscriber)
    {
        await preferences.PauseAsync(subscriber.Id, until: null, context.RequestAborted);
        return await SavedAsync(context, subscriber, "Resumed: the next digest comes at your usual time.");
    }

    private async Task<IResult> UnsubscribeAsync(HttpContext context, Subscriber subscriber)
    {
        await preferences.UnsubscribeAsync(subscriber.Id, new ChangeCause(ChangeSource.Web, "unsubscribed on the preferences page"), context.RequestAborted);
        if (subscriber.Status != SubscriberStatus.Unsubscribed)
            metrics.SignUpEvent(SignUpEvents.Unsubscribed);
        return await SavedAsync(context, subscriber, "You're unsubscribed and will get no more digests. Your settings are kept in case you come back.");
    }

    /// <summary>
    /// Coming back takes the same double opt-in as signing up: a preferences link never expires and may have been
    /// forwarded, so only a fresh single-use link from the mailbox lifts an opt-out.
    /// </summary>
    private async Task<IResult> ResubscribeAsync(HttpContext context, Subscriber subscriber)
    {
        if (subscriber.Status == SubscriberStatus.Active)
            return await SavedAsync(context, subscriber, "You're subscribed.");
        await signUps.RequestConfirmationAsync(subscriber, new ChangeCause(ChangeSource.Web, "asked to resubscribe on the preferences page"), context.RequestAborted);
        return await SavedAsync(context, subscriber, $"We are sending a confirmation link to {subscriber.Email}. Press the button in it to start your digest again; until then nothing changes.");
    }

    private async Task<IResult> DropTopicAsync(HttpContext context, Subscriber subscriber, string topic)
    {
        if (!subscriber.TopicKeys.Contains(topic))
            return await page.RenderAsync(context, subscriber, error: "That topic is not among yours any more. Nothing was changed.");
        var remaining = subscriber.TopicKeys.Where(t => t != topic).ToList();
        await preferences.SaveAsync(subscriber.Id, SubscriberPreferences.From(subscriber) with { Topics = remaining }, context.RequestAborted);
        return await SavedAsync(context, subscriber, $"You will not get papers for “{catalog.Value.Find(topic)?.Label ?? topic}” any more.");
    }

    private async Task<IResult> SwitchToWeeklyAsync(HttpContext context, Subscriber subscriber)
    {
        await preferences.SaveAsync(subscriber.Id, SubscriberPreferences.From(subscriber) with { Frequency = Frequency.Weekly }, context.RequestAborted);
        return await SavedAsync(context, subscriber, $"You will get one email a week, on {(DayOfWeek)subscriber.WeeklyDay}.");
    }

    private async Task<IResult> ExportAsync(HttpContext context, Subscriber subscriber)
    {
        var data = await personalData.ReadAsync(subscriber, context.RequestAborted);
        var now = clock.GetUtcNow();
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new { ExportedAt = Iso.Instant(now), data.Subscriber, data.StatusChanges, data.Deliveries, data.SentPapers, data.Ratings, data.ConfirmationEmailsSentAt }, ExportJson);
        return Results.File(json, "application/json; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"digest-data-{now:yyyy-MM-dd}.json"));
    }

    private async Task<IResult> DeleteAsync(HttpContext context, Subscriber subscriber, bool confirmed)
    {
        if (!confirmed)
            return await page.RenderAsync(context, subscriber, error: "To delete your data, tick the box that says you understand, then press Delete me.");
        await subscribers.EraseAsync(subscriber, new ChangeCause(ChangeSource.Web, "asked to be deleted on the preferences page"), context.RequestAborted);
        metrics.SignUpEvent(SignUpEvents.Deleted);
        return pages.Message("Your data is deleted",
            $"{subscriber.Email}, its settings and its delivery history are gone from our database. We will not email it again.",
            link: new PageLink("/", "Sign up again"));
    }

    private async Task<IResult> SaveAuthorsAsync(HttpContext context, Subscriber subscriber, string authors)
    {
        var (names, problem) = rules.CheckAuthors(authors);
        if (problem is not null)
            return await page.RenderAsync(context, subscriber, error: $"Authors: {problem}. Nothing was saved.");
        await profiles.SaveAuthorsAsync(subscriber.Id, names, context.RequestAborted);
        return await SavedAsync(context, subscriber, names.Count == 0 ? "You follow no authors now." : $"You follow {string.Join(", ", names)}: their new papers always come first in your digest.");
    }

    private async Task<IResult> UnrateAsync(HttpContext context, Subscriber subscriber, string paper) =>
        await profiles.UnrateAsync(subscriber.Id, paper, context.RequestAborted)
            ? await SavedAsync(context, subscriber, "Undone: that paper no longer changes your ranking.")
            : await page.RenderAsync(context, subscriber, error: "That paper is not among your rated ones any more. Nothing was changed.");

    /// <summary><c>POST /preferences/{token}/library</c>: a library file (multipart, field <c>library</c>) seeds the reader's ranking.</summary>
    private async Task<IResult> SeedAsync(HttpContext context, Subscriber subscriber)
    {
        var form = await forms.ReadAsync(context, checkAntiforgery: true, MaxLibraryBytes);
        if (form.Status == FormStatus.TooLarge)
            return await page.RenderAsync(context, subscriber, error: $"That file is larger than {MaxLibraryBytes / 1024 / 1024} MB. Export a smaller collection. Nothing was added.");
        if (form.Refusal(pages) is { } refusal)
            return refusal;
        if (form.Status != FormStatus.Read)
            return await page.RenderAsync(context, subscriber, error: "This page was open too long or came from elsewhere, so nothing was added. Please upload the file again.");
        if (form.Fields.Files.GetFile("library") is not { Length: > 0 } file)
            return await page.RenderAsync(context, subscriber, error: "Choose a library file (.bib, CSL-JSON or a list of arXiv ids) to upload.");
        string text;
        using (var reader = new StreamReader(file.OpenReadStream()))
            text = await reader.ReadToEndAsync(context.RequestAborted);
        IReadOnlyList<LibraryEntry> entries;
        try
        {
            entries = LibraryFile.Parse(text, profileOptions.Value.MaxSeedEntries);
        }
        catch (LibraryFormatException e)
        {
            return await page.RenderAsync(context, subscriber, error: $"{file.FileName}: {e.Message}. Nothing was added.");
        }
        var added = await profiles.SeedAsync(subscriber.Id, entries, context.RequestAborted);
        return await SavedAsync(context, subscriber, $"Added {added} of the {entries.Count} papers in {file.FileName}: papers like them will rank higher in your digest.");
    }

    private async Task<IResult> SavedAsync(HttpContext context, Subscriber subscriber, string notice) =>
        await page.RenderAsync(context, (await subscribers.FindByIdAsync(subscriber.Id, context.RequestAborted))!, notice);
}

using DigestService.Config;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;
using DigestService.Links;

namespace DigestService.Web;

/// <summary>
/// <c>GET /unsubscribe/{token}</c> asks, with gentler choices beside the button (it never changes anything: mail
/// scanners follow links); <c>POST</c> unsubscribes. The POST is also the RFC 8058 one-click endpoint: any form body,
/// urlencoded or multipart, no cookie and no antiforgery token (the signed token is the proof), 200 without a
/// redirect, idempotent.
/// </summary>
public sealed class UnsubscribePage(WebPages pages, Forms forms, SiteLinks links, PreferenceStore preferences, SubscriberStore subscribers, IOptions<TopicCatalogOptions> catalog, DigestMetrics metrics)
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapSigned<UnsubscribePage>("/unsubscribe", TokenPurpose.Unsubscribe,
            (page, context, subscriber) => Task.FromResult(page.Render(context, subscriber)),
            (page, context, subscriber) => page.UnsubscribeAsync(context, subscriber));

    private async Task<IResult> UnsubscribeAsync(HttpContext context, Subscriber subscriber)
    {
        // The body (List-Unsubscribe=One-Click, or the page's own button) is read only to hold it to the size cap, to
        // refuse what is no form (a garbled body changes nothing) and to tell a one-click unsubscribe in the audit trail.
        var form = await forms.ReadAsync(context, checkAntiforgery: false);
        if (form.Refusal(pages) is { } refusal)
            return refusal;
        var why = form.Value("List-Unsubscribe") == "One-Click" ? "one-click unsubscribe (List-Unsubscribe-Post)" : "unsubscribed on the unsubscribe page";
        await preferences.UnsubscribeAsync(subscriber.Id, new ChangeCause(ChangeSource.Link, why), context.RequestAborted);
        if (subscriber.Status != SubscriberStatus.Unsubscribed)
            metrics.SignUpEvent(SignUpEvents.Unsubscribed);
        return Render(context, (await subscribers.FindByIdAsync(subscriber.Id, context.RequestAborted))!);
    }

    private IResult Render(HttpContext context, Subscriber subscriber)
    {
        var unsubscribed = subscriber.Status == SubscriberStatus.Unsubscribed;
        return pages.Page("unsubscribe", unsubscribed ? "You're unsubscribed" : "Unsubscribe", new
        {
            Unsubscribed = unsubscribed,
            subscriber.Email,
            Frequency = FrequencyNames.Of(subscriber.Frequency),
            Topics = TopicSelection.Choices(catalog.Value, subscriber.TopicKeys).Where(t => t.Checked).ToList(),
            PreferencesPath = links.PreferencesPath(subscriber.Id),
            FormToken = forms.Token(context),
        });
    }
}

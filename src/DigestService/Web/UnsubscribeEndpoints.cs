using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary>
/// <c>GET /unsubscribe/{token}</c> asks (it never changes anything: mail scanners follow links) and offers gentler
/// choices; <c>POST</c> unsubscribes. The POST is also the RFC 8058 one-click endpoint: any form body, urlencoded or
/// multipart, no cookie and no antiforgery token (the signed token is the proof), 200 without a redirect, idempotent.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static void MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/unsubscribe/{token}", async (string token, HttpContext context, SignedLinkResolver resolver, UnsubscribePage page, WebPages pages) =>
            await resolver.FindAsync(TokenPurpose.Unsubscribe, token, context.RequestAborted) is { } subscriber
                ? page.Render(context, subscriber)
                : pages.LinkNotFound());
        app.MapPost("/unsubscribe/{token}", UnsubscribeAsync);
    }

    private static async Task<IResult> UnsubscribeAsync(
        string token, HttpContext context, SignedLinkResolver resolver, UnsubscribePage page, WebPages pages, PreferenceStore preferences, SubscriberStore subscribers)
    {
        if (await resolver.FindAsync(TokenPurpose.Unsubscribe, token, context.RequestAborted) is not { } subscriber)
            return pages.LinkNotFound();
        // The body (List-Unsubscribe=One-Click, or the page's own button) is read only to respect the size cap.
        if ((await PostedForm.ReadAsync(context, checkAntiforgery: false)).Status == FormStatus.TooLarge)
            return pages.TooLarge();
        await preferences.UnsubscribeAsync(subscriber.Id, context.RequestAborted);
        return page.Render(context, (await subscribers.FindByIdAsync(subscriber.Id, context.RequestAborted))!);
    }
}

/// <summary>The unsubscribe page: the question with its gentler alternatives, or the answer with a way back.</summary>
public sealed class UnsubscribePage(WebPages pages, SiteLinks links, IOptions<TopicCatalogOptions> catalog)
{
    public IResult Render(HttpContext context, Subscriber subscriber)
    {
        var unsubscribed = subscriber.Status == SubscriberStatus.Unsubscribed;
        return pages.Page("unsubscribe", unsubscribed ? "You're unsubscribed" : "Unsubscribe", new
        {
            Unsubscribed = unsubscribed,
            subscriber.Email,
            subscriber.Frequency,
            Topics = TopicSelection.Choices(catalog.Value, subscriber.TopicKeys).Where(t => t.Checked).ToList(),
            PreferencesPath = links.PreferencesPath(subscriber.Id),
            FormToken = FormToken.For(context),
        });
    }
}

using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary><c>GET /confirm/{token}</c> shows a button (mail scanners follow links); <c>POST</c> activates.</summary>
public static class ConfirmEndpoints
{
    public static void MapConfirm(this IEndpointRouteBuilder app)
    {
        app.MapGet("/confirm/{token}", async (string token, HttpContext context, SignedLinkResolver resolver, ConfirmPage page, WebPages pages) =>
            await resolver.FindAsync(TokenPurpose.Confirm, token, context.RequestAborted) is { } subscriber
                ? page.Render(context, subscriber, error: null)
                : pages.LinkNotFound());
        app.MapPost("/confirm/{token}", ConfirmAsync);
    }

    private static async Task<IResult> ConfirmAsync(
        string token, HttpContext context, SignedLinkResolver resolver, ConfirmPage page, WebPages pages, PreferenceStore preferences, SubscriberStore subscribers)
    {
        if (await resolver.FindAsync(TokenPurpose.Confirm, token, context.RequestAborted) is not { } subscriber)
            return pages.LinkNotFound();
        var form = await PostedForm.ReadAsync(context, checkAntiforgery: true);
        if (form.Status == FormStatus.TooLarge)
            return pages.TooLarge();
        if (form.Status == FormStatus.AntiforgeryFailed)
            return page.Render(context, subscriber, "This page was open too long or came from elsewhere. Please press the button again.");
        await preferences.ActivateAsync(subscriber.Id, context.RequestAborted);
        return page.Render(context, (await subscribers.FindByIdAsync(subscriber.Id, context.RequestAborted))!, error: null);
    }
}

/// <summary>The confirmation page: a button while the sign-up waits, what they will get once it is active.</summary>
public sealed class ConfirmPage(WebPages pages, SiteLinks links, IOptions<TopicCatalogOptions> catalog)
{
    public IResult Render(HttpContext context, Subscriber subscriber, string? error)
    {
        var confirmed = subscriber.Status == SubscriberStatus.Active;
        return pages.Page("confirm", confirmed ? "You're subscribed" : "Confirm your subscription", new
        {
            Confirmed = confirmed,
            subscriber.Email,
            Summary = SubscriptionSummary.Schedule(subscriber, catalog.Value),
            PreferencesPath = links.PreferencesPath(subscriber.Id),
            Error = error,
            FormToken = FormToken.For(context),
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

using DigestService.Config;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;
using DigestService.Links;

namespace DigestService.Web;

/// <summary>
/// <c>GET /confirm/{token}</c> shows a button (mail scanners follow links, so opening changes nothing);
/// <c>POST</c> activates and shows what the subscriber will get. A link works once: used, or voided by an unsubscribe,
/// it gets the 404 page and changes nothing.
/// </summary>
public sealed class ConfirmPage(WebPages pages, Forms forms, SiteLinks links, TokenSigner tokens, SignUpStore signUps, IOptions<TopicCatalogOptions> catalog, DigestMetrics metrics)
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapSigned<ConfirmPage>("/confirm", TokenPurpose.Confirmation,
            (page, context, subscriber) => Task.FromResult(page.Render(context, subscriber, error: null)),
            (page, context, subscriber) => page.ConfirmAsync(context, subscriber));

    private async Task<IResult> ConfirmAsync(HttpContext context, Subscriber subscriber)
    {
        var form = await forms.ReadAsync(context, checkAntiforgery: true);
        if (form.Refusal(pages) is { } refusal)
            return refusal;
        if (form.Status == FormStatus.Unreadable)
            return Render(context, subscriber, $"{PostedForm.UnreadableMessage}. Please press the button again.");
        if (form.Status == FormStatus.AntiforgeryFailed)
            return Render(context, subscriber, "This page was open too long or came from elsewhere. Please press the button again.");
        // The route resolved this token to an open request already; a double click racing it finds it used: 404.
        var confirmationId = tokens.Verify(TokenPurpose.Confirmation, (string?)context.GetRouteValue("token"))!.Value;
        if (await signUps.ConfirmAsync(confirmationId, context.RequestAborted) is not { } confirmed)
            return pages.LinkNotFound();
        metrics.SignUpEvent(SignUpEvents.Confirmed);
        return Render(context, confirmed, error: null);
    }

    private IResult Render(HttpContext context, Subscriber subscriber, string? error)
    {
        var confirmed = subscriber.Status == SubscriberStatus.Active;
        return pages.Page("confirm", confirmed ? "You're subscribed" : "Confirm your subscription", new
        {
            Confirmed = confirmed,
            subscriber.Email,
            Summary = SubscriptionSummary.Schedule(subscriber, catalog.Value),
            PreferencesPath = links.PreferencesPath(subscriber.Id),
            Error = error,
            FormToken = forms.Token(context),
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

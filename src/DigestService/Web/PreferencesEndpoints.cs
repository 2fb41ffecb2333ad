namespace DigestService.Web;

/// <summary>
/// <c>GET|POST /preferences/{token}</c>. Every form of the page (and the gentler choices of the unsubscribe page)
/// posts here with a <c>do</c> field naming what to change; the answer is the page as now saved, with a note.
/// </summary>
public static class PreferencesEndpoints
{
    public static void MapPreferences(this IEndpointRouteBuilder app)
    {
        app.MapGet("/preferences/{token}", async (string token, HttpContext context, SignedLinkResolver resolver, PreferencesPage page, WebPages pages) =>
            await resolver.FindAsync(TokenPurpose.Preferences, token, context.RequestAborted) is { } subscriber
                ? page.Render(context, subscriber)
                : pages.LinkNotFound());
        app.MapPost("/preferences/{token}", PostAsync);
    }

    private static async Task<IResult> PostAsync(
        string token, HttpContext context, SignedLinkResolver resolver, PreferencesPage page, WebPages pages, PreferenceActions actions)
    {
        if (await resolver.FindAsync(TokenPurpose.Preferences, token, context.RequestAborted) is not { } subscriber)
            return pages.LinkNotFound();
        var form = await PostedForm.ReadAsync(context, checkAntiforgery: true);
        return form.Status switch
        {
            FormStatus.TooLarge => pages.TooLarge(),
            FormStatus.AntiforgeryFailed => page.Render(context, subscriber,
                error: "This page was open too long or came from elsewhere, so nothing was changed. Please make your change again."),
            _ => await actions.ApplyAsync(context, subscriber, form),
        };
    }
}

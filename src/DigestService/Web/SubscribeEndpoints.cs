using DigestService.Config;
using Microsoft.Extensions.Options;
using DigestService.Addresses;
using DigestService.Store;

namespace DigestService.Web;

/// <summary><c>GET /</c>, the sign-up form, and <c>POST /subscribe</c>.</summary>
public static class SubscribeEndpoints
{
    public static void MapSubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, WebPages pages, Forms forms, IOptions<TopicCatalogOptions> topics) =>
            Form(context, pages, forms, topics.Value, "", [], error: null));
        // A reload of the answer page asks for GET /subscribe: send the browser back to the form (303 See Other).
        app.MapGet("/subscribe", (HttpContext context) =>
        {
            context.Response.Headers.Location = "/";
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        });
        app.MapPost("/subscribe", SubscribeAsync).RequireRateLimiting(SubscribeRateLimits.PerClientPolicy);
    }

    private static async Task<IResult> SubscribeAsync(
        HttpContext context, WebPages pages, Forms forms, IOptions<TopicCatalogOptions> catalog, SubscriberRules rules,
        SubscribeRateLimits limits, SignUpService signUps)
    {
        var form = await forms.ReadAsync(context, checkAntiforgery: true);
        if (form.Refusal(pages) is { } refusal)
            return refusal;
        var email = form.Value("email");
        var chosen = form.Values("topics");
        if (form.Status == FormStatus.Unreadable)
            return Form(context, pages, forms, catalog.Value, "", [], $"{PostedForm.UnreadableMessage}. Please type your email address again, with letters, digits and the usual punctuation only.");
        if (form.Status == FormStatus.AntiforgeryFailed)
            return Form(context, pages, forms, catalog.Value, email, chosen, "This page was open too long or came from elsewhere. Please press Subscribe again.");
        var (address, problem) = AddressCanonicalizer.Canonicalize(email);
        if (address is null)
            return Form(context, pages, forms, catalog.Value, email, chosen, $"Please check your email address: {problem}.");
        var (topics, unknown) = rules.CheckTopics(chosen);
        if (unknown is not null)
            return Form(context, pages, forms, catalog.Value, email, chosen, $"“{PreferencesValues.Shorten(unknown)}” is not one of the topics listed; tick the ones you want.");

        if (await limits.TryCountAddressAsync(address, context.RequestAborted) is { } retryAfter)
            return SubscribeRateLimits.TooMany(pages, context, retryAfter, "This address was entered many times in the last hour. Check its inbox for our email, or try again later.");
        var timeZone = form.Value("time_zone");
        // The email goes out in the background, so this page cannot know whether the mail server took it: it says the
        // same in every case, and a refused email is logged and can be asked for again.
        await signUps.SignUpAsync(address, topics, SubscriberRules.IsKnownTimeZone(timeZone) ? timeZone : "UTC", context.RequestAborted);
        return pages.Message("Check your inbox",
            $"If {address} can receive email, a message from us is on its way. Open it and press the button in it to confirm; " +
            $"until then we send nothing else. No email after a few minutes? Look in the spam folder.",
            link: new PageLink("/", "Wrong address? Start again"));
    }

    /// <summary>The form, filled with what was sent; with an error it answers 400 and nothing was stored or sent.</summary>
    private static IResult Form(HttpContext context, WebPages pages, Forms forms, TopicCatalogOptions catalog, string email, IReadOnlyList<string> chosen, string? error) =>
        pages.Page("subscribe", "Subscribe", new
        {
            Email = email,
            Topics = TopicSelection.Choices(catalog, chosen),
            Error = error,
            FormToken = forms.Token(context),
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}

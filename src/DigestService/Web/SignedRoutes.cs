using DigestService.Store;
using DigestService.Links;

namespace DigestService.Web;

/// <summary>
/// The GET (and HEAD) and POST of a route behind a signed link (<c>PREFIX/{token}</c>): the handlers get the subscriber the
/// token names; a forged, tampered, truncated, expired or wrong-purpose token, or a deleted subscriber, gets the
/// plain 404 page before any handler runs, so nothing can change.
/// </summary>
public static class SignedRoutes
{
    public static void MapSigned<TPage>(
        this IEndpointRouteBuilder app,
        string prefix,
        TokenPurpose purpose,
        Func<TPage, HttpContext, Subscriber, IResult> get,
        Func<TPage, HttpContext, Subscriber, Task<IResult>> post)
        where TPage : notnull
    {
        // Some mail scanners send HEAD: it is answered like the GET (which changes nothing); Kestrel sends no body.
        app.MapMethods(prefix + "/{token}", [HttpMethods.Get, HttpMethods.Head], (string token, HttpContext context) =>
            ForSubscriberAsync(token, context, (page, subscriber) => Task.FromResult(get(page, context, subscriber))));
        app.MapPost(prefix + "/{token}", (string token, HttpContext context) =>
            ForSubscriberAsync(token, context, (page, subscriber) => post(page, context, subscriber)));

        async Task<IResult> ForSubscriberAsync(string token, HttpContext context, Func<TPage, Subscriber, Task<IResult>> handle)
        {
            var services = context.RequestServices;
            return await services.GetRequiredService<SignedLinkResolver>().FindAsync(purpose, token, context.RequestAborted) is { } subscriber
                ? await handle(services.GetRequiredService<TPage>(), subscriber)
                : services.GetRequiredService<WebPages>().LinkNotFound();
        }
    }
}

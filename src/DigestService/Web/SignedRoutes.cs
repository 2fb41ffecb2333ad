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
        Func<TPage, HttpContext, Subscriber, Task<IResult>> get,
        Func<TPage, HttpContext, Subscriber, Task<IResult>> post)
        where TPage : notnull
    {
        // Some mail scanners send HEAD: it is answered like the GET (which changes nothing); Kestrel sends no body.
        app.MapMethods(prefix + "/{token}", [HttpMethods.Get, HttpMethods.Head], ([AsParameters] SignedRequest<TPage> request) =>
            request.HandleAsync(purpose, subscriber => get(request.Page, request.Context, subscriber)));
        app.MapPost(prefix + "/{token}", ([AsParameters] SignedRequest<TPage> request) =>
            request.HandleAsync(purpose, subscriber => post(request.Page, request.Context, subscriber)));
    }
}

/// <summary>What a signed route's handler is given: the token from the route and the services that answer it.</summary>
public sealed record SignedRequest<TPage>(string Token, HttpContext Context, TPage Page, SignedLinkResolver Resolver, WebPages Pages)
    where TPage : notnull
{
    public async Task<IResult> HandleAsync(TokenPurpose purpose, Func<Subscriber, Task<IResult>> handle) =>
        await Resolver.FindAsync(purpose, Token, Context.RequestAborted) is { } subscriber
            ? await handle(subscriber)
            : Pages.LinkNotFound();
}

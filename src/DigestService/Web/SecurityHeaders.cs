namespace DigestService.Web;

/// <summary>Headers on every response, added as it starts so that error pages carry them too.</summary>
public static class SecurityHeaders
{
    // Pages load their one stylesheet and one script from /assets; nothing inline, nothing from elsewhere.
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // Links carry signed tokens in their path: never hand them to another site in a Referer.
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages show a person's address and settings: no shared cache may keep them.
            if (!context.Request.Path.StartsWithSegments("/assets"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(context);
    });
}

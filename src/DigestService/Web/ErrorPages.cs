using Microsoft.AspNetCore.Diagnostics;

namespace DigestService.Web;

/// <summary>Friendly pages instead of stack traces or empty error responses; the exception itself goes to the log.</summary>
public static class ErrorPages
{
    /// <summary>The exception handler and status-code pages, configured with the <see cref="WebPages"/> they render.</summary>
    public static IServiceCollection AddErrorPages(this IServiceCollection services)
    {
        services.AddOptions<ExceptionHandlerOptions>().Configure<WebPages>((options, pages) => options.ExceptionHandler = context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            context.Response.StatusCode = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            return ForStatus(pages, context).ExecuteAsync(context);
        });
        services.AddOptions<StatusCodePagesOptions>().Configure<WebPages>((options, pages) =>
            options.HandleAsync = context => ForStatus(pages, context.HttpContext).ExecuteAsync(context.HttpContext));
        return services;
    }

    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages();

    private static IResult ForStatus(WebPages pages, HttpContext context) =>
        context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => pages.Message("Page not found", "There is no page at this address.", StatusCodes.Status404NotFound, new PageLink("/", "Go to the sign-up page")),
            StatusCodes.Status413PayloadTooLarge => pages.TooLarge(),
            >= 500 and var status => pages.Message("Something went wrong", "That did not work on our side. Nothing you did caused it; please try again in a few minutes.", status),
            var status => pages.Message("That request did not work", "The page could not handle this request. Go back and try again.", status),
        };
}

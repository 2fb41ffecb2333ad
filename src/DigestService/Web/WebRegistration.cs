using DigestService.Config;
using DigestService.Web.Archive;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;

namespace DigestService.Web;

public static class WebRegistration
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<RateLimitOptions>(configuration, "RateLimits");
        services.AddSingleton<SignedLinkResolver>();
        services.AddSingleton<WebPages>();
        services.AddSingleton<Forms>();
        services.AddSingleton<ConfirmPage>();
        services.AddSingleton<FeedbackPage>();
        services.AddSingleton<EditionPage>();
        services.AddSingleton<UnsubscribePage>();
        services.AddSingleton<PreferencesPage>();
        services.AddSingleton<PreferenceActions>();
        services.AddSingleton<ConfirmationMailer>();
        services.AddSingleton<SignUpService>();
        services.AddSingleton<SignUpMailQueue>();
        services.AddHostedService<SignUpMailSender>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "digest-form";
            antiforgery.FormFieldName = "form_token";
            // frame-ancestors 'none' and X-Frame-Options DENY are set for every response by SecurityHeaders.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        SubscribeRateLimits.Register(services);
        services.AddErrorPages();
        return services;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Behind a reverse proxy on the same machine, the client is the one it names (only loopback proxies are trusted).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseErrorPages();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "templates", "web", "assets")),
            RequestPath = "/assets",
        });
        app.UseRateLimiter();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapSubscribe();
        ConfirmPage.Map(app);
        PreferenceActions.Map(app);
        UnsubscribePage.Map(app);
        FeedbackPage.Map(app);
        EditionPage.Map(app);
        app.MapArchive();
        return app;
    }
}

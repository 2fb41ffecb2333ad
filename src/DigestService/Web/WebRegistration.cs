using DigestService.Config;
using DigestService.Web.Archive;

namespace DigestService.Web;

public static class WebRegistration
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<SiteOptions>(configuration, "Site");
        services.AddSection<TokenOptions>(configuration, "Tokens");
        services.AddSingleton<TokenKeyRing>();
        services.AddSingleton<TokenSigner>();
        services.AddSingleton<SiteLinks>();
        return services;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapArchive();
        return app;
    }
}

using DigestService.Config;

namespace DigestService.Links;

public static class LinksRegistration
{
    /// <summary>Site links and the signed tokens in them, used by digests, confirmation mail and the pages.</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<SiteOptions>(configuration, "Site");
        services.AddSection<TokenOptions>(configuration, "Tokens");
        services.AddSingleton<TokenKeyRing>();
        services.AddSingleton<TokenSigner>();
        services.AddSingleton<SiteLinks>();
        return services;
    }
}

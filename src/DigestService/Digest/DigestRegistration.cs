using DigestService.Config;
using DigestService.Templates;

namespace DigestService.Digest;

public static class DigestRegistration
{
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<DigestOptions>(configuration, "Digest");
        services.AddSingleton<EditionClock>();
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<PaperSelector>();
        services.AddSingleton<DigestRenderer>();
        return services;
    }
}

using DigestService.Store;
using Microsoft.Extensions.Options;
using DigestService.Links;
using DigestService.Templates;

namespace DigestService;

/// <summary>Everything that must hold before the service does anything: valid options, a database with full-text search, migrated database, keys, parsed templates.</summary>
public static class StartupChecks
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        foreach (var validator in services.GetServices<IStartupValidator>())
            validator.Validate();
        await DatabaseFeatures.RequireFullTextAsync(services.GetRequiredService<Database>(), cancellationToken);
        await services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<TokenKeyRing>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<AddressHasher>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<SubscriberStore>().BackfillSuppressionsAsync(cancellationToken);
        await services.GetRequiredService<StoredAddressBackfill>().RunAsync(cancellationToken);
        services.GetRequiredService<TemplateCatalog>();
    }
}

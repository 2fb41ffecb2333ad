using DigestService.Config;

namespace DigestService.Store;

public static class StoreRegistration
{
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<SubscriptionOptions>(configuration, "Subscriptions");
        services.AddValidatedOptions<TopicCatalogOptions>(configuration);
        services.AddSingleton<SubscriberRules>();
        services.AddSingleton(TimeProvider.System);
        services.AddSection<DatabaseOptions>(configuration, "Database");
        services.AddSingleton<Database>();
        services.AddSingleton(provider => provider.GetRequiredService<Database>().Sql);
        services.AddSingleton<Migrator>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<PaperStore>();
        services.AddSingleton<AddressHasher>();
        services.AddSingleton<StoredAddressBackfill>();
        services.AddSingleton<ConsentLedger>();
        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<BounceMailboxStore>();
        services.AddSingleton<EditionStore>();
        services.AddSingleton<StatsStore>();
        services.AddSingleton<FeedSourceStore>();
        services.AddSingleton<SignUpStore>();
        services.AddSingleton<PreferenceStore>();
        services.AddSingleton<PersonalDataStore>();
        services.AddSingleton<WebStateStore>();
        services.AddSingleton<ProfileStore>();
        services.AddSection<ProfileOptions>(configuration, "Profiles");
        services.AddSingleton<OperationsStore>();
        services.AddSingleton<DataProtectionKeyStore>();
        return services;
    }
}

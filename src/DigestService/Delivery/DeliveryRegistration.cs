using DigestService.Config;

namespace DigestService.Delivery;

public static class DeliveryRegistration
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<SmtpOptions>(configuration, "Smtp");
        services.AddSection<DeliveryOptions>(configuration, "Delivery");
        services.AddSection<DkimOptions>(configuration, "Dkim");
        services.AddSingleton<DkimSigning>();
        services.AddSection<BounceOptions>(configuration, "Bounces");
        services.AddSingleton<BounceMailbox>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<PickupDirectoryTransport>();
        services.AddSingleton<IMailTransport, ConfiguredTransport>();
        services.AddSingleton<MessageFactory>();
        services.AddSingleton<EditionQueue>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<SendService>();
        return services;
    }
}

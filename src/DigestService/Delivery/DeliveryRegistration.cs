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
        services.AddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmtpOptions>>().Value.UsesPickupDirectory
                ? ActivatorUtilities.CreateInstance<PickupDirectoryTransport>(provider)
                : ActivatorUtilities.CreateInstance<SmtpTransport>(provider));
        services.AddSingleton<MessageFactory>();
        services.AddSingleton<EditionQueue>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<SendService>();
        return services;
    }
}

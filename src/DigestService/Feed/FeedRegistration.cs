using DigestService.Config;

namespace DigestService.Feed;

public static class FeedRegistration
{
    public static IServiceCollection AddFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<FeedOptions>(configuration, "Feed");
        services.AddHttpClient<FeedHttp>(FeedHttp.ClientName, (provider, client) =>
        {
            client.Timeout = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedOptions>>().Value.Timeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("DigestService/1.0 (+https://github.com/digestservice; self-hosted trending-papers digest)");
        });
        services.AddTransient<IFeedFormat, HfApiFormat>();
        services.AddTransient<IngestService>();
        return services;
    }
}

using DigestService.Config;

namespace DigestService.Feed;

public static class FeedRegistration
{
    public static IServiceCollection AddFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<FeedOptions>(configuration, "Feed");
        services.AddSingleton<HostPoliteness>();
        services.AddTransient<PolitenessHandler>();
        services.AddHttpClient<FeedHttp>(FeedHttp.ClientName, client =>
            {
                // FeedHttp's own deadline (Feed:Timeout) covers retries and the body; HttpClient's would cut them short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(FeedResilience.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
            .AddFeedResilience();
        services.AddSingleton<IFeedFormat, HfApiFormat>();
        services.AddSingleton<IFeedFormat>(ListingFormat.HfPage);
        services.AddSingleton<IFeedFormat>(ListingFormat.ArxivAtom);
        services.AddSingleton<IFeedFormat>(ListingFormat.Rss);
        services.AddTransient<SourceReader>();
        services.AddTransient<IngestService>();
        return services;
    }
}

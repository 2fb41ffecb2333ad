using DigestService.Config;

namespace DigestService.Tests.Support;

/// <summary>A test class with its own feed server and service instance (own database), ingesting one day by default.</summary>
public abstract class FeedServerTest : IAsyncLifetime
{
    protected FeedServer Server { get; } = new();

    protected FeedServerTest() => App = new TestApp(Provider);

    /// <summary>The database the app runs on; a test class per provider overrides it.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected TestApp App { get; }

    public virtual Task InitializeAsync()
    {
        App.With("Feed:WindowDays", "1");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        App.Dispose();
    }

    /// <summary>Every stored paper's text and counters, one line each, to show an ingest removed or blanked nothing.</summary>
    protected Task<IReadOnlyList<string>> PapersAsync() =>
        App.QueryAsync<string>("SELECT arxiv_id || '|' || title || '|' || abstract || '|' || authors || '|' || upvotes FROM papers ORDER BY arxiv_id");
}

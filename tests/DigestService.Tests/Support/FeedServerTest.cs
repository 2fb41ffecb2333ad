namespace DigestService.Tests.Support;

/// <summary>A test class with its own feed server and service instance (own SQLite file), ingesting one day by default.</summary>
public abstract class FeedServerTest : IAsyncLifetime
{
    protected FeedServer Server { get; } = new();

    protected TestApp App { get; } = new();

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

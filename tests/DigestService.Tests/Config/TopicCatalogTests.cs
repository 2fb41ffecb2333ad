using DigestService.Tests.Support;

namespace DigestService.Tests.Config;

public class TopicCatalogTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_topic_without_words_fails_the_start_naming_it()
    {
        _app.With("Topics:50:Key", "empty").With("Topics:50:Label", "Empty").With("Topics:50:Terms:0", "*");

        var result = await _app.RunAsync("stats");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("configuration error: Topics: topic 'empty' needs at least one word among its Terms.", result.Error.Trim());
    }

    [Fact]
    public async Task Subscribing_to_a_topic_the_catalog_lacks_is_a_usage_error_listing_the_known_ones()
    {
        _app.With("Topics:50:Key", "bots").With("Topics:50:Label", "Robots").With("Topics:50:Terms:0", "robot");

        var result = await _app.RunAsync("subscribers", "add", "ada@example.org", "--topics", "bots, knitting");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --topics: no topic 'knitting' in the catalog (known: ", result.Error);
        Assert.Contains("bots", result.Error.Split('\n')[0]);
        Assert.Empty((await _app.RunAsync("subscribers", "list")).OutputLines);
    }
}

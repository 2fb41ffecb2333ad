using DigestService.Tests.Support;

namespace DigestService.Tests.Cli;

public class UnknownTopicTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

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

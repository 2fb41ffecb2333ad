using DigestService.Tests.Support;

namespace DigestService.Tests.Cli;

public class CommandLineTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("send", "--date", "19/08/2026")]
    [InlineData("send", "--due", "--at", "tomorrow")]
    [InlineData("subscribers", "add")]
    [InlineData("subscribers", "add", "not-an-address")]
    [InlineData("subscribers", "add", "ada@example.org", "--timezone", "Mars/Olympus")]
    [InlineData("subscribers", "add", "ada@example.org", "--hour", "24")]
    [InlineData("stats", "--verbose", "yes")]
    [InlineData("stats", "extra")]
    [InlineData("ingest", "--date", "0001-01-01")]
    [InlineData("ingest", "--date", "2026-08-14", "extra")]
    [InlineData("ingest", "--bogus")]
    [InlineData("ingest", "--date")]
    [InlineData("send", "--date", "--due")]
    public async Task Usage_errors_exit_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        var result = await _app.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Usage_errors_are_one_line_even_when_the_input_has_line_breaks()
    {
        var result = await _app.RunAsync("subscribers", "add", "ada@example.org\r\nBcc: victim@example.org");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains("line break", result.Error);
    }

    [Theory]
    [InlineData("unknown", "--bogus")]
    [InlineData("unexpected argument 'extra'", "extra")]
    public async Task The_usage_error_says_what_is_wrong(string message, string arg)
    {
        var result = await _app.RunAsync("stats", arg);

        Assert.Contains(message == "unknown" ? "does not take --bogus" : message, result.Error);
    }

    [Fact]
    public async Task Previewing_someone_who_is_not_subscribed_is_a_failure_not_a_usage_error()
    {
        var result = await _app.RunAsync("preview", "nobody@example.org");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no subscriber nobody@example.org", result.Error);
    }

    [Fact]
    public async Task A_bad_configuration_value_names_its_key()
    {
        _app.With("Smtp:Port", "70000");

        var result = await _app.RunAsync("stats");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Smtp:Port", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Stats_prints_every_counter()
    {
        var result = await _app.RunAsync("stats");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["papers", "subscribers", "active", "pending", "unsubscribed", "bounced", "deliveries", "sent", "failed", "source huggingface"],
            result.OutputLines.Select(l => l.Split(':')[0]));
    }

    [Fact]
    public async Task Subscribers_can_be_added_updated_imported_listed_and_removed()
    {
        Assert.Equal(0, (await _app.RunAsync("subscribers", "add", "ada@example.org", "--topics", "llm, agents", "--timezone", "Asia/Kolkata", "--hour", "8")).ExitCode);
        Assert.Equal(0, (await _app.RunAsync("subscribers", "add", "ada@example.org", "--confirmed")).ExitCode);
        var file = Path.Combine(_app.Directory, "list.csv");
        await File.WriteAllTextAsync(file, "name,email\nAlan,alan@example.net\nBad,bad@\n");
        var import = await _app.RunAsync("subscribers", "import", file, "--confirmed");

        Assert.Equal("imported 1, updated 0, refused 1", import.Output.Trim());
        Assert.Contains(":3: the email address has no domain", import.Error);
        var list = await _app.RunAsync("subscribers", "list");
        Assert.Contains("ada@example.org\tactive\ttopics=llm,agents", list.Output);
        Assert.Contains("Asia/Kolkata\t08:00", list.Output);
        Assert.Contains("alan@example.net\tactive", list.Output);
        Assert.Equal(0, (await _app.RunAsync("subscribers", "remove", "alan@example.net")).ExitCode);
        Assert.Equal(1, (await _app.RunAsync("subscribers", "remove", "alan@example.net")).ExitCode);
        Assert.Equal(1, (await _app.StatsAsync())["subscribers"]);
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

    [Fact]
    public async Task Each_verb_has_its_own_help_listing_every_option_with_its_meaning_and_an_example()
    {
        var result = await _app.RunAsync("send", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutputLines, l => l.TrimStart().StartsWith("--date <YYYY-MM-DD>", StringComparison.Ordinal) && l.Contains("edition"));
        Assert.Contains(result.OutputLines, l => l.TrimStart().StartsWith("--due", StringComparison.Ordinal) && l.Contains("delivery time"));
        Assert.Contains(result.OutputLines, l => l.TrimStart().StartsWith("--at <ISO-INSTANT>", StringComparison.Ordinal) && l.Contains("With --due"));
        Assert.Contains("Examples:", result.Output);
        Assert.Contains("DigestService send --date 2026-11-26", result.Output);
    }

    [Fact]
    public async Task An_option_value_can_be_joined_with_an_equals_sign()
    {
        var joined = await _app.RunAsync("send", "--date=2026-11-26");
        var bad = await _app.RunAsync("ingest", "--date=19/08/2026");

        Assert.Equal(0, joined.ExitCode);
        Assert.StartsWith("edition 2026-11-26: ", joined.Output);
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: --date must be a date written YYYY-MM-DD", bad.Error);
    }

    [Fact]
    public async Task The_cli_holds_keywords_to_the_same_length_limit_as_the_web()
    {
        _app.With("Subscriptions:MaxKeywordsLength", "20");

        var result = await _app.RunAsync("subscribers", "add", "ada@example.org", "--keywords", "retrieval augmented generation");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --keywords: at most 20 characters in all, and these are 30", result.Error);
        Assert.Empty((await _app.RunAsync("subscribers", "list")).OutputLines);
    }
}

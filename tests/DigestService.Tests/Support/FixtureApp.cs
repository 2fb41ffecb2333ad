using System.Globalization;
using System.Text.RegularExpressions;
using DigestService.Config;
using DigestService.Feed;

namespace DigestService.Tests.Support;

/// <summary>
/// The service on the fixture days: a <see cref="TestApp"/> fed by a <see cref="FeedServer"/> of the Hugging Face
/// fixtures and mailing a <see cref="TestSmtpServer"/>, with the given days ingested under the given window.
/// </summary>
public sealed class FixtureApp : IAsyncDisposable
{
    private FixtureApp(int windowDays, DatabaseProvider provider)
    {
        App = new TestApp(provider);
        App.With("Feed:Url", Feed.Url).With("Feed:WindowDays", windowDays.ToString(CultureInfo.InvariantCulture)).With(Smtp.Settings);
    }

    public FeedServer Feed { get; } = new();
    public TestSmtpServer Smtp { get; } = new();
    public TestApp App { get; }

    public static Task<FixtureApp> StartAsync(int windowDays, params string[] ingestDates) =>
        StartAsync(DatabaseProvider.Sqlite, windowDays, ingestDates);

    public static async Task<FixtureApp> StartAsync(DatabaseProvider provider, int windowDays, params string[] ingestDates)
    {
        var fixture = new FixtureApp(windowDays, provider);
        foreach (var date in ingestDates)
            await fixture.RunOkAsync("ingest", "--date", date);
        return fixture;
    }

    /// <summary>Runs a CLI verb that must succeed; what it printed.</summary>
    public async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await App.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
        return result;
    }

    /// <summary>Adds a confirmed subscriber with the given <c>subscribers add</c> options.</summary>
    public Task AddAsync(string email, params string[] options) => RunOkAsync(["subscribers", "add", email, "--confirmed", .. options]);

    /// <summary>A catalog topic under a position no shipped catalog uses, so the test does not hang on appsettings.json's topics.</summary>
    public FixtureApp WithTopic(string key, params string[] terms)
    {
        App.With("Topics:50:Key", key).With("Topics:50:Label", key);
        for (var i = 0; i < terms.Length; i++)
            App.With($"Topics:50:Terms:{i}", terms[i]);
        return this;
    }

    /// <summary>The arXiv ids of a subscriber's <c>preview</c> of an edition, in the order shown.</summary>
    public async Task<IReadOnlyList<string>> PreviewAsync(string email, string date)
    {
        var path = Path.Combine(App.Directory, $"{email}-{date}.html");
        await RunOkAsync("preview", email, "--date", date, "--out", path);
        return DigestMail.PaperIds(await File.ReadAllTextAsync(path));
    }

    /// <summary>The fixture papers of the given days whose title, abstract or AI keywords match <paramref name="pattern"/> (any case).</summary>
    public static HashSet<string> PapersMatching(string pattern, params string[] days) => days
        .SelectMany(day => HfApiParser.Parse(Fixtures.HfDay(day), DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)).Papers)
        .Where(p => Regex.IsMatch($"{p.Title} {p.Abstract} {string.Join(" ", p.AiKeywords)}", pattern, RegexOptions.IgnoreCase))
        .Select(p => p.ArxivId)
        .ToHashSet();

    public async ValueTask DisposeAsync()
    {
        await Feed.DisposeAsync();
        await Smtp.DisposeAsync();
        App.Dispose();
    }
}

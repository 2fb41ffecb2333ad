using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using DigestService.Digest;
using DigestService.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DigestService.Benchmarks;

/// <summary>
/// The planning half of <c>send --date</c>: stream every active subscriber and choose their papers through one
/// selection session (FTS5 matching, trending ranking, nothing sent before), over a real SQLite file. Rendering and
/// SMTP are left out: they cost the same whatever the selection does.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneCore))]
public class SelectionBenchmark
{
    private readonly GeneratedData _data = new(papers: 1_000, subscribers: 100_000, days: 10);
    private string _folder = "";
    private WebApplication? _app;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _folder = Directory.CreateTempSubdirectory("digest-bench-").FullName;
        var settings = new Dictionary<string, string?>(_data.Settings()) { ["ConnectionStrings:Digest"] = $"Data Source={Path.Combine(_folder, "digest.db")}" };
        _app = global::DigestService.Program.Build([], serve: false, settings);
        await StartupChecks.RunAsync(_app.Services);
        await _data.FillAsync(_app.Services.GetRequiredService<PaperStore>(), _app.Services.GetRequiredService<Database>());
    }

    [Benchmark(Description = "select 100,000 subscribers x 1,000 papers")]
    public async Task<int> SelectEdition()
    {
        var session = _app!.Services.GetRequiredService<PaperSelector>().StartSession();
        var papers = 0;
        await foreach (var subscriber in _app.Services.GetRequiredService<SubscriberStore>().StreamWithoutEditionAsync(_data.Edition))
            papers += (await session.SelectAsync(subscriber, _data.Edition)).Count;
        return papers;
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One pinned core; a few whole runs, each seconds long, measured as they come (no pilot stage).</summary>
    private sealed class OneCore : ManualConfig
    {
        public OneCore() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithAffinity(1)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5));
    }
}

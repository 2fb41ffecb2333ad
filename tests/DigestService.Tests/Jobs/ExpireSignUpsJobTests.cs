using DigestService.Jobs;
using DigestService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DigestService.Tests.Jobs;

/// <summary>The hourly expiry of unconfirmed sign-ups leaves a trace of every run, good or failed, as the other jobs do.</summary>
public sealed class ExpireSignUpsJobTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Runs the job as the scheduler would, on the database `stats` created and migrated before.</summary>
    private async Task RunJobAsync()
    {
        await using var host = Program.Build([], serve: false, _app.Settings);
        var job = ActivatorUtilities.CreateInstance<ExpireSignUpsJob>(host.Services);
        await job.Execute(null!, CancellationToken.None);
    }

    [Fact]
    public async Task A_good_run_is_recorded_with_its_count()
    {
        Assert.Equal(0, (await _app.RunAsync("stats")).ExitCode);

        await RunJobAsync();

        var run = Assert.Single(await _app.QueryAsync<(string Outcome, string Summary)>("SELECT outcome, summary FROM job_runs WHERE job = 'expire-sign-ups'"));
        Assert.Equal(("ok", "forgot 0 unconfirmed sign-ups"), run);
    }

    [Fact]
    public async Task A_run_that_fails_is_recorded_as_failed_with_the_reason_and_does_not_throw()
    {
        Assert.Equal(0, (await _app.RunAsync("stats")).ExitCode);
        await _app.QueryAsync<long>("ALTER TABLE subscribers RENAME TO subscribers_gone");

        await RunJobAsync();

        var run = Assert.Single(await _app.QueryAsync<(string Outcome, string Summary)>("SELECT outcome, summary FROM job_runs WHERE job = 'expire-sign-ups'"));
        Assert.Equal("failed", run.Outcome);
        Assert.StartsWith("error: ", run.Summary);
    }
}

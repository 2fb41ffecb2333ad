using DigestService.Store;
using DigestService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DigestService.Tests.Operations;

/// <summary>The retention job's pruning: finished records older than Retention:Days go, sent papers after their own period.</summary>
public class RetentionTests : DeliveryHarness
{
    [Fact]
    public async Task Old_finished_records_are_pruned_and_recent_ones_and_unsent_rows_are_kept()
    {
        await App.ImportSubscribersAsync(2);
        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);
        // Age one delivery (and its papers) and one run record past a year; leave a queued row old but unsent.
        await App.ExecuteAsync("UPDATE deliveries SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = (SELECT MIN(id) FROM deliveries)");
        await App.ExecuteAsync("UPDATE sent_papers SET edition = '2020-01-01' WHERE subscriber_id = (SELECT subscriber_id FROM deliveries WHERE id = (SELECT MIN(id) FROM deliveries))");
        await App.ExecuteAsync("INSERT INTO job_runs (job, started_at, finished_at, outcome, summary) VALUES ('ingest', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:01.000Z', 'ok', 'old'), ('ingest', '2099-01-01T00:00:00.000Z', '2099-01-01T00:00:01.000Z', 'ok', 'new')");
        await App.ExecuteAsync("UPDATE deliveries SET state = 'queued', created_at = '2020-01-01T00:00:00.000Z' WHERE id = (SELECT MAX(id) FROM deliveries)");
        var sentPapersBefore = (await App.QueryAsync<long>("SELECT COUNT(*) FROM sent_papers")).Single();

        await using var site = await RunningSite.StartAsync(App);
        await site.Services.GetRequiredService<OperationsStore>().PruneAsync(keepDays: 365, keepSentPapersDays: 365);

        Assert.Equal(["queued"], await App.QueryAsync<string>("SELECT state FROM deliveries"));
        Assert.Equal(["new"], await App.QueryAsync<string>("SELECT summary FROM job_runs"));
        var sentPapersAfter = (await App.QueryAsync<long>("SELECT COUNT(*) FROM sent_papers")).Single();
        Assert.InRange(sentPapersAfter, 1, sentPapersBefore - 1);
    }
}

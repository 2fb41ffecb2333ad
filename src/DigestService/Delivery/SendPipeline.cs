using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using DigestService.Config;
using DigestService.Digest;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Delivery;

/// <summary>What a send's pipeline did: digests queued, subscribers with nothing new, editions not ingested yet, digests that failed to render.</summary>
public sealed class PipelineCounts
{
    private int _renderErrors;

    public int Queued { get; set; }

    public int Skipped { get; set; }

    public HashSet<DateOnly> Unavailable { get; } = [];

    public int RenderErrors => Volatile.Read(ref _renderErrors);

    public void RenderFailed() => Interlocked.Increment(ref _renderErrors);
}

/// <summary>
/// Selection, rendering and queueing as a stream feeding the connections, so the first digest leaves while the rest
/// are still being made: one selector walks the subscribers (a selection session is not thread-safe, and shares its
/// work across them), Delivery:Renderers render and sign in parallel, and one writer stores what they made in batched
/// transactions and hands the rows it stored claimed to the connections. Bounded channels between the stages keep
/// memory flat however long the list; a slow stage holds the ones before it back.
/// </summary>
public sealed partial class SendPipeline(PaperSelector selector, DigestComposer composer, DeliveryStore outbox, IOptions<DeliveryOptions> delivery, ILogger<SendPipeline> logger)
{
    /// <summary>Digests stored in one transaction at most; a commit takes whatever has been rendered since the last one.</summary>
    public const int MaxPerCommit = 256;

    private const int SelectedAhead = 64;

    /// <summary>Runs the subscribers of <paramref name="plan"/> through; <paramref name="counts"/> says how far it got, also when it stops.</summary>
    public async Task RunAsync(IAsyncEnumerable<(Subscriber Subscriber, DateOnly? Edition)> plan, OutboxFeed feed, PipelineCounts counts, CancellationToken cancellationToken)
    {
        var composing = composer.StartRun();
        _ = Task.Run(composing.WarmUp, CancellationToken.None);
        var selected = Channel.CreateBounded<(Subscriber, DateOnly, IReadOnlyList<Pick>)>(new BoundedChannelOptions(SelectedAhead) { SingleWriter = true });
        var rendered = Channel.CreateBounded<PlannedDelivery>(new BoundedChannelOptions(MaxPerCommit) { SingleReader = true });
        // A stage that fails stops the others, so none waits forever on a channel nobody reads.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;
        Task[] stages =
        [
            StageAsync(() => SelectAsync(plan, selected.Writer, feed, counts, token), selected.Writer, failed),
            StageAsync(() => Task.WhenAll(Enumerable.Range(0, delivery.Value.Renderers).Select(_ => Task.Run(() => RenderAsync(composing, selected.Reader, rendered.Writer, counts, token), CancellationToken.None))), rendered.Writer, failed),
            StageAsync(() => WriteAsync(rendered.Reader, feed, counts, token), null, failed),
        ];
        try
        {
            await Task.WhenAll(stages);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The others were cancelled because one failed: report that one.
            ExceptionDispatchInfo.Throw(stages.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).First(e => e is not OperationCanceledException));
        }
    }

    private static async Task StageAsync<T>(Func<Task> work, ChannelWriter<T>? output, CancellationTokenSource failed)
    {
        try
        {
            await Task.Run(work, CancellationToken.None);
            output?.TryComplete();
        }
        catch (Exception e)
        {
            output?.TryComplete(e);
            await failed.CancelAsync();
            throw;
        }
    }

    private static Task StageAsync(Func<Task> work, ChannelWriter<object>? output, CancellationTokenSource failed) =>
        StageAsync<object>(work, output, failed);

    private async Task SelectAsync(IAsyncEnumerable<(Subscriber Subscriber, DateOnly? Edition)> plan, ChannelWriter<(Subscriber, DateOnly, IReadOnlyList<Pick>)> selected, OutboxFeed feed, PipelineCounts counts, CancellationToken cancellationToken)
    {
        var session = selector.StartSession();
        await foreach (var (subscriber, due) in plan.WithCancellation(cancellationToken))
        {
            if (due is not { } edition)
                continue;
            // An empty window means the feed was not ingested yet, not "nothing new": recording it would lose the day.
            if (await session.IsEmptyAsync(subscriber, edition, cancellationToken))
            {
                counts.Unavailable.Add(edition);
                continue;
            }
            var papers = await session.SelectAsync(subscriber, edition, cancellationToken);
            if (papers.Count > 0)
                feed.DigestSelected();
            await selected.WriteAsync((subscriber, edition, papers), cancellationToken);
        }
    }

    /// <summary>One renderer. A digest that fails to render is logged and left for the next run; the others go on.</summary>
    private async Task RenderAsync(DigestComposer.Run composer, ChannelReader<(Subscriber, DateOnly, IReadOnlyList<Pick>)> selected, ChannelWriter<PlannedDelivery> rendered, PipelineCounts counts, CancellationToken cancellationToken)
    {
        await foreach (var (subscriber, edition, papers) in selected.ReadAllAsync(cancellationToken))
        {
            PlannedDelivery planned;
            try
            {
                planned = composer.Compose(subscriber, edition, papers);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                counts.RenderFailed();
                LogRenderFailed(e, subscriber.Id, edition);
                continue;
            }
            await rendered.WriteAsync(planned, cancellationToken);
        }
    }

    /// <summary>The one writer: stores each batch in one transaction, claimed by the run while it sends, and hands it out.</summary>
    private async Task WriteAsync(ChannelReader<PlannedDelivery> rendered, OutboxFeed feed, PipelineCounts counts, CancellationToken cancellationToken)
    {
        var batch = new List<PlannedDelivery>(MaxPerCommit);
        var claimed = new List<OutboxRow>(MaxPerCommit);
        while (await rendered.WaitToReadAsync(cancellationToken))
        {
            var owner = feed.Owner;
            var limit = owner is null ? MaxPerCommit : Math.Min(MaxPerCommit, feed.MaxClaim);
            while (batch.Count < limit && rendered.TryRead(out var planned))
                batch.Add(planned);
            foreach (var queued in await outbox.QueueAsync(batch, owner, cancellationToken))
            {
                if (queued is null)
                    continue;
                if (queued.Planned.PaperIds.Count > 0)
                    counts.Queued++;
                else
                    counts.Skipped++;
                if (queued.Claimed is { } row)
                    claimed.Add(row);
            }
            batch.Clear();
            if (claimed.Count > 0)
                await feed.HandOutAsync([.. claimed], cancellationToken);
            claimed.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The digest of subscriber {SubscriberId} for {Edition} could not be rendered; it is left for the next run")]
    private partial void LogRenderFailed(Exception exception, long subscriberId, DateOnly edition);
}

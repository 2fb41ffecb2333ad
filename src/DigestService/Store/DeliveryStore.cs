using Dapper;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Store;

/// <summary>The outbox: one row per (subscriber, edition), claimed under a lease, finished with the server's reply.</summary>
public sealed class DeliveryStore(Database database, ConsentLedger ledger, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Queues many digests in one transaction (one writer, hundreds of rows a commit): each delivery row, its message
    /// and the papers it carries, recorded as sent. A delivery with no message is stored as skipped (nothing new). With
    /// <paramref name="owner"/>, rows with a message are stored claimed by that run, to be sent at once; the claimed
    /// rows are returned with their messages. Null in the list for a subscriber who already had the edition.
    /// </summary>
    public Task<IReadOnlyList<QueuedDelivery?>> QueueAsync(IReadOnlyList<PlannedDelivery> batch, string? owner, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<QueuedDelivery?>>(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            var leaseExpires = Iso.Instant(now + options.Value.LeaseDuration);
            using var commands = new PreparedCommands(connection, transaction, database.Sql);
            var queued = new List<QueuedDelivery?>(batch.Count);
            foreach (var planned in batch)
            {
                var edition = Iso.Date(planned.Edition);
                var claimed = owner is not null && planned.Message is not null;
                var id = await commands.For("InsertDelivery",
                    ("SubscriberId", planned.SubscriberId), ("Edition", edition),
                    ("State", planned.Message is null ? DeliveryState.Skipped : claimed ? DeliveryState.Sending : DeliveryState.Queued),
                    ("MessageId", planned.MessageId), ("PaperCount", planned.PaperIds.Count), ("Attempts", claimed ? 1 : 0), ("Now", Iso.Instant(now)),
                    ("LeaseOwner", claimed ? owner : null), ("LeaseExpires", claimed ? leaseExpires : null)).ExecuteScalarAsync(cancellationToken);
                if (id is not long deliveryId)
                {
                    queued.Add(null);
                    continue;
                }
                if (planned.Message is not null)
                    await commands.For("InsertDeliveryMessage", ("DeliveryId", deliveryId), ("Message", planned.Message)).ExecuteNonQueryAsync(cancellationToken);
                for (var position = 0; position < planned.PaperIds.Count; position++)
                {
                    await commands.For("InsertSentPaper", ("SubscriberId", planned.SubscriberId), ("ArxivId", planned.PaperIds[position]),
                        ("Edition", edition), ("Position", position), ("Why", planned.Reasons?[position])).ExecuteNonQueryAsync(cancellationToken);
                }
                queued.Add(new QueuedDelivery(planned, claimed ? new OutboxRow
                {
                    Id = deliveryId, SubscriberId = planned.SubscriberId, Edition = edition, MessageId = planned.MessageId, Message = planned.Message!, Attempts = 1,
                } : null));
            }
            return queued;
        }, cancellationToken);

    /// <summary>
    /// Marks unsent rows of people who left or bounced as skipped. Once a run is enough: the claim itself takes only
    /// rows of active subscribers, so suppression holds at claim time either way.
    /// </summary>
    public async Task CancelSuppressedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["CancelSuppressed"], new { Now = Iso.Instant(clock.GetUtcNow()) });
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due rows under this run's lease, then reads their messages outside the
    /// write transaction, so recording outcomes never waits behind a megabyte of reading.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(string owner, int limit, CancellationToken cancellationToken = default)
    {
        var claimed = await database.WriteAsync(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            var rows = await connection.QueryAsync<OutboxRow>(database.Sql["ClaimDeliveries"], new
            {
                Owner = owner,
                Now = Iso.Instant(now),
                LeaseExpires = Iso.Instant(now + options.Value.LeaseDuration),
                Limit = limit,
            }, transaction);
            return rows.AsList();
        }, cancellationToken);
        if (claimed.Count == 0)
            return claimed;
        await using var reader = await database.OpenAsync(cancellationToken);
        var messages = (await reader.QueryAsync<(long Id, byte[] Message)>(database.Sql["ClaimedMessages"], new { Ids = claimed.Select(r => r.Id).ToArray() }))
            .ToDictionary(m => m.Id, m => m.Message);
        return claimed.Select(r => r with
        {
            Message = messages.TryGetValue(r.Id, out var message) ? message : throw new InvalidOperationException($"delivery {r.Id} has no stored message"),
        }).ToList();
    }

    /// <summary>
    /// Records the outcomes of many attempts in one transaction (a group commit, so connections do not queue on the
    /// database one message at a time). A row whose lease this run lost is left alone. Hard bounces count against the
    /// subscriber, who is suppressed at Delivery:HardBounceLimit.
    /// </summary>
    public Task RecordAsync(IReadOnlyList<DeliveryOutcome> outcomes, string owner, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(database.Sql["AsyncCommit"], transaction: transaction);
            var now = Iso.Instant(clock.GetUtcNow());
            foreach (var outcome in outcomes)
            {
                var finished = await connection.ExecuteAsync(database.Sql["FinishDelivery"], new
                {
                    outcome.Row.Id,
                    Owner = owner,
                    outcome.State,
                    Reply = Shorten(outcome.Reply),
                    NextAttemptAt = outcome.NextAttemptAt is { } at ? Iso.Instant(at) : null,
                    Now = now,
                }, transaction);
                if (finished == 0 || outcome.State == DeliveryState.Retry)
                    continue;
                await connection.ExecuteAsync(database.Sql["DeleteDeliveryMessage"], new { outcome.Row.Id }, transaction);
                if (outcome.State == DeliveryState.Bounced)
                    await RecordHardBounceAsync(connection, transaction, outcome.Row.SubscriberId, $"the mail server refused a digest: {outcome.Reply}", now);
                if (outcome.State == DeliveryState.Failed)
                    await connection.ExecuteAsync(database.Sql["ForgetUnsentPapers"], new { outcome.Row.SubscriberId, outcome.Row.Edition }, transaction);
            }
            return true;
        }, cancellationToken);

    /// <summary>Gives claimed rows back unsent, in one transaction, for this run or the next to take up again.</summary>
    public Task ReleaseAsync(IReadOnlyList<OutboxRow> rows, string owner, string reason, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(database.Sql["ReleaseDelivery"], rows.Select(row => new { row.Id, Owner = owner, Reply = Shorten(reason) }), transaction);
            return true;
        }, cancellationToken);

    /// <summary>When this run's next row falls due (a retry it scheduled, or a row no run holds); null when nothing is left for it.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<string?>(database.Sql["NextDue"], new { Owner = owner });
        return next is null ? null : Iso.ParseInstant(next);
    }

    /// <summary>
    /// Applies a bounce report read from the bounce mailbox, once per report: the hard bounce counts against the
    /// subscriber and the delivery it names is marked bounced. False when it was seen before or names no subscriber.
    /// </summary>
    public Task<bool> RecordLateBounceAsync(BounceReport report, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            var subscriber = await connection.QuerySingleOrDefaultAsync<Subscriber>(database.Sql["SubscriberByEmail"], new { Email = report.Recipient }, transaction);
            // Only a report about a digest this subscriber was really sent counts: anyone can mail the bounce address.
            if (subscriber is null || report.MessageId is null
                || await connection.ExecuteScalarAsync<long?>(database.Sql["DeliveryToSubscriber"], new { report.MessageId, SubscriberId = subscriber.Id }, transaction) is null)
                return false;
            var inserted = await connection.ExecuteScalarAsync<string?>(database.Sql["InsertBounceReport"], new
            {
                report.ReportId, report.Recipient, report.Status, report.MessageId, Now = now, Kind = "bounce",
            }, transaction);
            if (inserted is null)
                return false;
            await RecordHardBounceAsync(connection, transaction, subscriber.Id, $"bounce report {report.Status}: {report.Diagnostic}", now);
            await connection.ExecuteAsync(database.Sql["BounceSentDelivery"], new
            {
                report.MessageId, SubscriberId = subscriber.Id, Reply = Shorten($"bounce report {report.Status}: {report.Diagnostic}"),
            }, transaction);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Applies a spam complaint (an ARF report, Feedback-Type: abuse) once: the subscriber of the digest it names is
    /// unsubscribed and suppressed as complained. False when it was seen before or names no digest of ours.
    /// </summary>
    public Task<bool> RecordComplaintAsync(ComplaintReport report, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            // The Message-ID of each digest has a random part: only a report quoting a digest we sent can name one.
            var subscriberId = await connection.ExecuteScalarAsync<long?>(database.Sql["SubscriberOfMessage"], new { report.MessageId }, transaction);
            if (subscriberId is not { } id || await ledger.StatusAsync(connection, transaction, id) is not { } subscriber)
                return false;
            var inserted = await connection.ExecuteScalarAsync<string?>(database.Sql["InsertBounceReport"], new
            {
                report.ReportId, Recipient = subscriber.Email, Status = report.FeedbackType, report.MessageId, Now = now, Kind = "complaint",
            }, transaction);
            if (inserted is null)
                return false;
            var cause = new ChangeCause(ChangeSource.Complaint, Shorten($"marked a digest as spam (ARF Feedback-Type: {report.FeedbackType}{(report.UserAgent is { } agent ? $", from {agent}" : "")})"));
            await ledger.ChangeAsync(connection, transaction, id, cause, now, async () =>
            {
                await connection.ExecuteAsync(database.Sql["UnsubscribeSubscriber"], new { Id = id, Now = now }, transaction);
                await connection.ExecuteAsync(database.Sql["CloseConfirmations"], new { SubscriberId = id, Now = now }, transaction);
            }, suppressAs: SuppressionReason.Complained);
            return true;
        }, cancellationToken);

    /// <summary>Counts a hard bounce; at Delivery:HardBounceLimit the subscriber is bounced and suppressed, with the reply as why.</summary>
    private Task RecordHardBounceAsync(System.Data.IDbConnection connection, System.Data.IDbTransaction transaction, long subscriberId, string why, string now) =>
        ledger.ChangeAsync(connection, transaction, subscriberId, new ChangeCause(ChangeSource.Bounce, Shorten(why)), now, () =>
            connection.ExecuteAsync(database.Sql["RecordHardBounce"], new { SubscriberId = subscriberId, Limit = options.Value.HardBounceLimit }, transaction));

    private static string Shorten(string reply) => reply.Length > 500 ? reply[..500] : reply;
}

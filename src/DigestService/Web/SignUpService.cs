using DigestService.Config;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary>
/// What the sign-up form does with a valid address, whoever it belongs to; confirmation requests from the preferences
/// page and the operator; and the forgetting of unconfirmed sign-ups.
/// </summary>
public sealed partial class SignUpService(
    SignUpStore store,
    SignUpMailQueue mail,
    IOptions<SubscriptionOptions> options,
    DigestMetrics metrics,
    ILogger<SignUpService> logger)
{
    /// <summary>
    /// Records the sign-up and queues an email to the address, unless it had its day's share of confirmation emails.
    /// The work is the same whatever the address's state and the sending happens in the background, so neither the
    /// page nor its timing tells whether an address subscribes. A known address changes in nothing until its holder
    /// uses the link; the topics and zone asked for wait in the confirmation request.
    /// </summary>
    public async Task SignUpAsync(string email, IReadOnlyList<string> topics, string timeZone, CancellationToken cancellationToken)
    {
        var (id, status, stored) = await store.SignUpAsync(email, string.Join(",", topics), timeZone, cancellationToken);
        metrics.SignUpEvent(SignUpEvents.Requested);
        var request = new ConfirmationRequest(string.Join(",", topics), timeZone, new ChangeCause(ChangeSource.Web, "signed up on the web form"));
        await QueueAsync(new Subscriber { Id = id, Email = stored, Status = status }, request, cancellationToken);
    }

    /// <summary>Queues a confirmation link for a subscriber who is not active (the preferences page's "resubscribe").</summary>
    public Task RequestConfirmationAsync(Subscriber subscriber, ChangeCause cause, CancellationToken cancellationToken) =>
        QueueAsync(subscriber, new ConfirmationRequest(null, null, cause), cancellationToken);

    /// <summary>
    /// The confirmation email for <paramref name="subscriber"/>, counted against the address's daily allowance (one a
    /// day for an address that bounced); null when the allowance is used up. An active subscriber gets the note.
    /// </summary>
    public async Task<SignUpMail?> PrepareAsync(Subscriber subscriber, ConfirmationRequest request, CancellationToken cancellationToken)
    {
        var perDay = subscriber.Status == SubscriberStatus.Bounced ? 1 : options.Value.ConfirmationMailsPerDay;
        if (!await store.TryRecordConfirmationMailAsync(subscriber.Id, perDay, cancellationToken))
        {
            LogAllowanceUsed(subscriber.Id);
            return null;
        }
        if (subscriber.Status == SubscriberStatus.Active)
            return new SignUpMail(subscriber.Id, subscriber.Email, ConfirmationId: null);
        var confirmationId = await store.RequestConfirmationAsync(subscriber.Id, request.Topics, request.TimeZone, request.Cause, options.Value.ConfirmationLifetime, cancellationToken);
        return new SignUpMail(subscriber.Id, subscriber.Email, confirmationId);
    }

    private async Task QueueAsync(Subscriber subscriber, ConfirmationRequest request, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(subscriber, request, cancellationToken) is { } prepared && !mail.TryAdd(prepared))
            LogNotQueued(subscriber.Id);
    }

    /// <summary>Deletes sign-ups nobody confirmed while their link worked.</summary>
    public Task<int> ExpirePendingAsync(CancellationToken cancellationToken) =>
        store.ExpirePendingAsync(options.Value.ConfirmationLifetime, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} had today's confirmation emails already; none sent")]
    private partial void LogAllowanceUsed(long subscriberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-up email to subscriber {SubscriberId} not queued: the queue is full or the service is stopping")]
    private partial void LogNotQueued(long subscriberId);
}

/// <summary>What a confirmation link will apply when used (null: keep what is stored), and who asked for it and why.</summary>
public sealed record ConfirmationRequest(string? Topics, string? TimeZone, ChangeCause Cause);

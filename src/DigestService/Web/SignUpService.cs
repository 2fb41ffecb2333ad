using DigestService.Config;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary>What the sign-up form does with a valid address, whoever it belongs to; and the forgetting of unconfirmed sign-ups.</summary>
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
    /// page nor its timing tells whether an address subscribes.
    /// </summary>
    public async Task SignUpAsync(string email, IReadOnlyList<string> topics, string timeZone, CancellationToken cancellationToken)
    {
        var (id, status, stored) = await store.SignUpAsync(email, string.Join(",", topics), timeZone, cancellationToken);
        metrics.SignUpEvent(SignUpEvents.Requested);
        if (!await store.TryRecordConfirmationMailAsync(id, options.Value.ConfirmationMailsPerDay, cancellationToken))
        {
            LogAllowanceUsed(id);
            return;
        }
        if (!mail.TryAdd(new SignUpMail(id, stored, AlreadyActive: status == SubscriberStatus.Active)))
            LogNotQueued(id);
    }

    /// <summary>Deletes sign-ups nobody confirmed while their link worked.</summary>
    public async Task<int> ExpirePendingAsync(CancellationToken cancellationToken)
    {
        var expired = await store.ExpirePendingAsync(options.Value.ConfirmationLifetime, cancellationToken);
        if (expired > 0)
            LogExpired(expired);
        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} had today's confirmation emails already; none sent")]
    private partial void LogAllowanceUsed(long subscriberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-up email to subscriber {SubscriberId} not queued: the queue is full or the service is stopping")]
    private partial void LogNotQueued(long subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} unconfirmed sign-ups")]
    private partial void LogExpired(int count);
}

using Dapper;

namespace DigestService.Store;

/// <summary>What the holder of a signed link may change about their own subscription.</summary>
public sealed class PreferenceStore(Database database, ConsentLedger ledger, TimeProvider clock)
{
    /// <summary>Unsubscribes and suppresses the address; every open confirmation link of theirs stops working.</summary>
    public Task UnsubscribeAsync(long id, ChangeCause cause, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            await ledger.ChangeAsync(connection, transaction, id, cause, now, async () =>
            {
                await connection.ExecuteAsync(database.Sql["UnsubscribeSubscriber"], new { Id = id, Now = now }, transaction);
                await connection.ExecuteAsync(database.Sql["CloseConfirmations"], new { SubscriberId = id, Now = now }, transaction);
            });
            return true;
        }, cancellationToken);

    /// <summary>Pauses deliveries until <paramref name="until"/>, or resumes them with null.</summary>
    public Task PauseAsync(long id, DateTimeOffset? until, CancellationToken cancellationToken = default) =>
        ExecuteAsync("PauseSubscriber", new { Id = id, PausedUntil = until is { } at ? Iso.Instant(at) : null }, cancellationToken);

    public Task SaveAsync(long id, SubscriberPreferences preferences, CancellationToken cancellationToken = default) =>
        ExecuteAsync("SavePreferences", new
        {
            Id = id,
            Topics = string.Join(",", preferences.Topics),
            Keywords = string.Join(",", preferences.Keywords),
            preferences.TimeZone,
            preferences.DeliveryHour,
            Frequency = FrequencyNames.Of(preferences.Frequency),
            preferences.WeeklyDay,
            preferences.MaxPapers,
        }, cancellationToken);

    private async Task ExecuteAsync(string query, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql[query], parameters);
    }
}

/// <summary>Everything the preferences page sets, already checked.</summary>
public sealed record SubscriberPreferences(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Keywords,
    string TimeZone,
    int DeliveryHour,
    Frequency Frequency,
    int WeeklyDay,
    int MaxPapers)
{
    public static SubscriberPreferences From(Subscriber subscriber) => new(
        subscriber.TopicKeys, subscriber.KeywordPhrases, subscriber.TimeZone, (int)subscriber.DeliveryHour,
        subscriber.Frequency, (int)subscriber.WeeklyDay, (int)subscriber.MaxPapers);
}

using Dapper;

namespace DigestService.Store;

/// <summary>Everything stored about one subscriber, for "download my data".</summary>
public sealed class PersonalDataStore(Database database)
{
    public async Task<PersonalData> ReadAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = new { subscriber.Id };
        return new PersonalData(
            subscriber,
            (await connection.QueryAsync<DeliveryRecord>(database.Sql["SubscriberDeliveries"], id)).ToList(),
            (await connection.QueryAsync<SentPaperRecord>(database.Sql["SubscriberSentPapers"], id)).ToList(),
            (await connection.QueryAsync<string>(database.Sql["SubscriberConfirmationMails"], id)).ToList(),
            (await connection.QueryAsync<StatusChangeRecord>(database.Sql["SubscriberStatusChanges"], id)).ToList());
    }
}

public sealed record PersonalData(
    Subscriber Subscriber,
    IReadOnlyList<DeliveryRecord> Deliveries,
    IReadOnlyList<SentPaperRecord> SentPapers,
    IReadOnlyList<string> ConfirmationEmailsSentAt,
    IReadOnlyList<StatusChangeRecord> StatusChanges);

public sealed record DeliveryRecord(string Edition, string State, string MessageId, long PaperCount, long Attempts, string CreatedAt, string? SentAt, string? LastReply);

public sealed record SentPaperRecord(string ArxivId, string Edition);

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
            (await connection.QueryAsync<StatusChangeRecord>(database.Sql["SubscriberStatusChanges"], id)).ToList(),
            (await connection.QueryAsync<RatingRecord>(database.Sql["SubscriberRatings"], id)).ToList());
    }
}

public sealed record PersonalData(
    Subscriber Subscriber,
    IReadOnlyList<DeliveryRecord> Deliveries,
    IReadOnlyList<SentPaperRecord> SentPapers,
    IReadOnlyList<string> ConfirmationEmailsSentAt,
    IReadOnlyList<StatusChangeRecord> StatusChanges,
    IReadOnlyList<RatingRecord> Ratings);

public sealed record DeliveryRecord(string Edition, string State, string MessageId, long PaperCount, long Attempts, string CreatedAt, string? SentAt, string? LastReply);

public sealed record SentPaperRecord(string ArxivId, string Edition);

/// <summary>A paper the reader rated "more"/"less" like this (source "rating") or seeded from a library (source "library").</summary>
public sealed record RatingRecord
{
    public string PaperKey { get; init; } = "";
    public string Direction { get; init; } = "";
    public string Source { get; init; } = "";
    public string? Title { get; init; }
    public string AddedAt { get; init; } = "";
}

namespace DigestService.Digest;

/// <summary>Who already had which paper of an edition's window (search id → sorted subscriber ids), read once for all its subscribers.</summary>
public sealed class SentIndex(IReadOnlyDictionary<long, long[]> subscribersByDoc)
{
    public bool WasSent(long docId, long subscriberId) =>
        subscribersByDoc.TryGetValue(docId, out var subscribers) && Array.BinarySearch(subscribers, subscriberId) >= 0;
}

namespace DigestService.Store;

/// <summary>What a server said identifies its answer, sent back next time so an unchanged feed costs a 304.</summary>
public sealed record CacheValidators(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

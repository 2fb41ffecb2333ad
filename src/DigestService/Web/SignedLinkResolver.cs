using DigestService.Store;
using DigestService.Links;

namespace DigestService.Web;

/// <summary>The subscriber a signed link points at, or null for a forged, tampered, expired or wrong-purpose token or a deleted subscriber.</summary>
public sealed class SignedLinkResolver(TokenSigner tokens, SubscriberStore subscribers)
{
    public async Task<Subscriber?> FindAsync(TokenPurpose purpose, string token, CancellationToken cancellationToken) =>
        tokens.Verify(purpose, token) is { } id ? await subscribers.FindByIdAsync(id, cancellationToken) : null;

    /// <summary>The subscriber and subject of a token signed about something more (a paper, an edition), or null as <see cref="FindAsync"/>.</summary>
    public async Task<(Subscriber Subscriber, string Subject)?> FindWithSubjectAsync(TokenPurpose purpose, string token, CancellationToken cancellationToken) =>
        tokens.VerifyWithSubject(purpose, token) is ({ } id, { } subject) && await subscribers.FindByIdAsync(id, cancellationToken) is { } subscriber
            ? (subscriber, subject)
            : null;
}

using DigestService.Store;
using DigestService.Links;

namespace DigestService.Web;

/// <summary>
/// The subscriber a signed link points at, or null for a forged, tampered, expired or wrong-purpose token or a deleted
/// subscriber; for a confirmation link also when its request was used already, or voided by an unsubscribe.
/// </summary>
public sealed class SignedLinkResolver(TokenSigner tokens, SubscriberStore subscribers, SignUpStore signUps)
{
    public async Task<Subscriber?> FindAsync(TokenPurpose purpose, string token, CancellationToken cancellationToken) => tokens.Verify(purpose, token) switch
    {
        null => null,
        { } confirmationId when purpose == TokenPurpose.Confirmation => await signUps.FindOpenAsync(confirmationId, cancellationToken),
        { } id => await subscribers.FindByIdAsync(id, cancellationToken),
    };

    /// <summary>The subscriber and subject of a token signed about something more (a paper, an edition), or null as <see cref="FindAsync"/>.</summary>
    public async Task<(Subscriber Subscriber, string Subject)?> FindWithSubjectAsync(TokenPurpose purpose, string token, CancellationToken cancellationToken) =>
        tokens.VerifyWithSubject(purpose, token) is ({ } id, { } subject) && await subscribers.FindByIdAsync(id, cancellationToken) is { } subscriber
            ? (subscriber, subject)
            : null;
}

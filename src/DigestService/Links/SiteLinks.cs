using System.Globalization;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Links;

/// <summary>
/// The links an email carries, each with its signed token, absolute on Site:BaseUrl; pages use the paths, so their
/// forms stay on the host the browser is on.
/// </summary>
public sealed class SiteLinks(IOptions<SiteOptions> site, TokenSigner tokens)
{
    public string Unsubscribe(long subscriberId) => site.Value.Url(UnsubscribePath(subscriberId));

    public string Preferences(long subscriberId) => site.Value.Url(PreferencesPath(subscriberId));

    public string UnsubscribePath(long subscriberId) => "/unsubscribe/" + tokens.Sign(TokenPurpose.Unsubscribe, subscriberId);

    public string PreferencesPath(long subscriberId) => "/preferences/" + tokens.Sign(TokenPurpose.Preferences, subscriberId);

    /// <summary>The single-use link of one confirmation request.</summary>
    public string Confirm(long confirmationId, TimeSpan lifetime) => site.Value.Url("confirm/" + tokens.Sign(TokenPurpose.Confirmation, confirmationId, lifetime));

    /// <summary>"More like this" (<paramref name="more"/>) or "Less like this" about one paper, for one reader.</summary>
    public string Feedback(long subscriberId, string arxivId, bool more) =>
        site.Value.Url("feedback/" + tokens.Sign(TokenPurpose.Feedback, subscriberId, FeedbackSubject(arxivId, more)));

    public static string FeedbackSubject(string arxivId, bool more) => arxivId + (more ? " more" : " less");

    /// <summary>The paper and direction of a feedback token's subject, or null for any other subject.</summary>
    public static (string ArxivId, bool More)? ParseFeedback(string? subject) =>
        subject?.Split(' ') is [{ Length: > 0 } id, var direction] && direction is "more" or "less" ? (id, direction == "more") : null;

    /// <summary>"View in browser": the digest one reader got for <paramref name="edition"/>, as it was sent.</summary>
    public string Edition(long subscriberId, DateOnly edition) =>
        site.Value.Url("edition/" + tokens.Sign(TokenPurpose.Edition, subscriberId, edition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public string Archive(DateOnly edition) => site.Value.Url($"archive/{edition:yyyy-MM-dd}");

    public string ArchiveFeed => site.Value.Url("archive/feed.xml");

    public string Home => site.Value.Url("");
}

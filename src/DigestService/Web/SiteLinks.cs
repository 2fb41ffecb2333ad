using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary>The absolute links an email carries, each with its signed token.</summary>
public sealed class SiteLinks(IOptions<SiteOptions> site, TokenSigner tokens)
{
    public string Unsubscribe(long subscriberId) => site.Value.Url("unsubscribe/" + tokens.Sign(TokenPurpose.Unsubscribe, subscriberId));

    public string Preferences(long subscriberId) => site.Value.Url("preferences/" + tokens.Sign(TokenPurpose.Preferences, subscriberId));

    public string Confirm(long subscriberId, TimeSpan lifetime) => site.Value.Url("confirm/" + tokens.Sign(TokenPurpose.Confirm, subscriberId, lifetime));

    public string Archive(DateOnly edition) => site.Value.Url($"archive/{edition:yyyy-MM-dd}");

    public string ArchiveFeed => site.Value.Url("archive/feed.xml");

    public string Home => site.Value.Url("");
}

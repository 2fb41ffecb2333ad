using System.Net;
using DigestService.Config;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Operations;

/// <summary>
/// With a real mail server configured, says in one line each what would make the mail useless or unlawful although
/// the configuration is valid: links to a loopback address, no postal address in the footer, a sender at localhost.
/// </summary>
public sealed partial class StartupWarnings(IOptions<SmtpOptions> smtp, IOptions<SiteOptions> site, IOptions<DigestOptions> digest, ILogger<StartupWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in Find(smtp.Value, site.Value, digest.Value))
            LogWarning(warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static IEnumerable<string> Find(SmtpOptions smtp, SiteOptions site, DigestOptions digest)
    {
        if (smtp.UsesPickupDirectory)
            yield break;
        if (Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var uri) && IsLoopback(uri.Host))
            yield return $"Site:BaseUrl is {site.BaseUrl}, a loopback address: every link in the emails (confirm, preferences, unsubscribe) will be dead for the people who get them.";
        if (string.IsNullOrWhiteSpace(digest.PostalAddress))
            yield return "Digest:PostalAddress is empty: bulk mail must carry the sender's postal address (CAN-SPAM), and the digest footer shows none.";
        if (MailboxAddress.TryParse(smtp.From, out var from) && IsLoopback(from.Domain))
            yield return $"Smtp:From is {smtp.From}, at a localhost domain: receiving servers reject or junk mail whose sender domain does not exist.";
    }

    private static bool IsLoopback(string host)
    {
        var name = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        return name is "localhost" or "localhost.localdomain" || name.EndsWith(".localhost", StringComparison.Ordinal)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private partial void LogWarning(string warning);
}

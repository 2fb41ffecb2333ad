using DigestService.Config;
using DigestService.Delivery;
using DigestService.Digest;
using Microsoft.Extensions.Options;
using DigestService.Links;
using DigestService.Templates;

namespace DigestService.Web;

/// <summary>
/// The email a sign-up gets at once: a confirmation link, or, for an address that is already active, a note with
/// its preferences link (so the sign-up page can say the same thing whoever signs up).
/// </summary>
public sealed class ConfirmationMailer(
    TemplateCatalog templates,
    MessageFactory messages,
    IMailTransport transport,
    SiteLinks links,
    IOptions<SiteOptions> site,
    IOptions<SubscriptionOptions> subscriptions)
{
    public async Task SendAsync(SignUpMail mail, CancellationToken cancellationToken)
    {
        var (subscriberId, email, confirmationId) = mail;
        var alreadyActive = confirmationId is null;
        var lifetime = subscriptions.Value.ConfirmationLifetime;
        var subject = alreadyActive ? $"You are already subscribed to {site.Value.Name}" : $"Confirm your subscription to {site.Value.Name}";
        var model = new
        {
            Subject = subject,
            SiteName = site.Value.Name,
            Email = email,
            AlreadyActive = alreadyActive,
            ConfirmUrl = confirmationId is { } id ? links.Confirm(id, lifetime) : "",
            PreferencesUrl = links.Preferences(subscriberId),
            LinkLifetime = Describe(lifetime),
            Preheader = alreadyActive ? "Your preferences link is inside." : "One click confirms it and starts your digest.",
        };
        var html = DigestRenderer.InlineCss(templates.Render("email/confirm.html", model));
        var text = templates.Render("email/confirm.txt", model);
        var messageId = messages.NewMessageId($"confirm.{subscriberId}");
        using var message = messages.Create(email, subject, text, html, messageId, unsubscribeUrl: null);
        await using var connection = await transport.ConnectAsync(cancellationToken);
        await connection.SendAsync(message, cancellationToken);
    }

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours < 72 ? $"{Math.Round(lifetime.TotalHours)} hours" : $"{Math.Round(lifetime.TotalDays)} days";
}

using DigestService.Config;
using DigestService.Store;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>What reading the bounce mailbox came to: hard bounces applied, or why it could not be read.</summary>
public sealed record BounceCheck(int Applied, string? Error);

/// <summary>
/// Reads the bounce mailbox (Bounces:*, IMAP or POP3 with MailKit) one message at a time, applies the hard bounces of
/// each delivery status notification, and deletes the reports it has applied. Other mail is left where it is.
/// </summary>
public sealed partial class BounceMailbox(IOptions<BounceOptions> options, DeliveryStore outbox, ILogger<BounceMailbox> logger)
{
    /// <summary>Null when no mailbox is configured. A mailbox that cannot be read is reported, and sending goes on.</summary>
    public async Task<BounceCheck?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var bounces = options.Value;
        if (!bounces.Enabled)
            return null;
        try
        {
            var applied = bounces.Protocol == BounceProtocol.Imap
                ? await ReadImapAsync(bounces, cancellationToken)
                : await ReadPop3Async(bounces, cancellationToken);
            return new BounceCheck(applied, null);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException
                                      or MailKit.Security.SslHandshakeException or ProtocolException or CommandException or FolderNotFoundException)
        {
            LogUnreadable(e.Message);
            return new BounceCheck(0, $"{bounces.Protocol} {bounces.Host}:{bounces.EffectivePort}: {e.Message}");
        }
    }

    private async Task<int> ReadImapAsync(BounceOptions bounces, CancellationToken cancellationToken)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(bounces.Host, bounces.EffectivePort, TlsChoice.For(bounces.Security, bounces.Host, bounces.EffectivePort, 993), cancellationToken);
        await client.AuthenticateAsync(bounces.Username, bounces.Password, cancellationToken);
        var folder = await client.GetFolderAsync(bounces.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var applied = 0;
        var done = new List<UniqueId>();
        foreach (var uid in await folder.SearchAsync(MailKit.Search.SearchQuery.All, cancellationToken))
        {
            var (count, report) = await ApplyAsync(await folder.GetMessageAsync(uid, cancellationToken), cancellationToken);
            applied += count;
            if (report)
                done.Add(uid);
        }
        if (done.Count > 0)
        {
            await folder.AddFlagsAsync(done, MessageFlags.Deleted, silent: true, cancellationToken);
            await folder.ExpungeAsync(done, cancellationToken);
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
        return applied;
    }

    private async Task<int> ReadPop3Async(BounceOptions bounces, CancellationToken cancellationToken)
    {
        using var client = new Pop3Client();
        await client.ConnectAsync(bounces.Host, bounces.EffectivePort, TlsChoice.For(bounces.Security, bounces.Host, bounces.EffectivePort, 995), cancellationToken);
        await client.AuthenticateAsync(bounces.Username, bounces.Password, cancellationToken);
        var applied = 0;
        for (var i = 0; i < client.Count; i++)
        {
            var (count, report) = await ApplyAsync(await client.GetMessageAsync(i, cancellationToken), cancellationToken);
            applied += count;
            if (report)
                await client.DeleteMessageAsync(i, cancellationToken);
        }
        // POP3 deletes only on a clean QUIT; a run that dies before it reads the reports again and counts them once.
        await client.DisconnectAsync(quit: true, cancellationToken);
        return applied;
    }

    /// <summary>Applies a message's hard bounces; says how many were new and whether it was a report to delete.</summary>
    private async Task<(int Applied, bool Report)> ApplyAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using (message)
        {
            var isReport = message.Body is MultipartReport { ReportType: var type } && string.Equals(type, "delivery-status", StringComparison.OrdinalIgnoreCase);
            var applied = 0;
            foreach (var bounce in DsnReader.HardBounces(message))
            {
                if (await outbox.RecordLateBounceAsync(bounce, cancellationToken))
                {
                    applied++;
                    LogHardBounce(bounce.Recipient, bounce.Status);
                }
            }
            return (applied, isReport);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bounce report: {Recipient} failed with {Status}")]
    private partial void LogHardBounce(string recipient, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bounce mailbox cannot be read: {Reason}")]
    private partial void LogUnreadable(string reason);
}

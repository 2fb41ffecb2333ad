using DigestService.Config;
using DigestService.Store;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>What reading the bounce mailbox came to: hard bounces and complaints applied, or why it could not be read.</summary>
public sealed record BounceCheck(int Applied, int Complaints, string? Error);

/// <summary>
/// Reads the bounce mailbox (Bounces:*, IMAP or POP3 with MailKit) incrementally: IMAP from the last UID seen (a new
/// UIDVALIDITY starts over), POP3 skipping the UIDLs it has seen. Only reports (multipart/report) are downloaded,
/// known by their structure or headers; their hard bounces (delivery status notifications) and spam complaints (ARF)
/// are applied, and the reports deleted (or, IMAP, moved to Bounces:DoneFolder). Other mail is left where it is.
/// </summary>
public sealed partial class BounceMailbox(IOptions<BounceOptions> options, DeliveryStore outbox, BounceMailboxStore position, ILogger<BounceMailbox> logger)
{
    /// <summary>Null when no mailbox is configured. A mailbox that cannot be read (or times out) is reported in one line, and sending goes on.</summary>
    public async Task<BounceCheck?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var bounces = options.Value;
        if (!bounces.Enabled)
            return null;
        var tally = new Tally();
        try
        {
            if (bounces.Protocol == BounceProtocol.Imap)
                await ReadImapAsync(bounces, tally, cancellationToken);
            else
                await ReadPop3Async(bounces, tally, cancellationToken);
            return new BounceCheck(tally.Bounces, tally.Complaints, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the mailbox does (refuses the login, drops the line, times out, answers nonsense), the digests
            // still go out; what was applied before the failure stays applied.
            var reason = e is TimeoutException or OperationCanceledException ? $"no answer within {bounces.Timeout}" : e.Message;
            LogUnreadable(reason);
            return new BounceCheck(tally.Bounces, tally.Complaints, $"{bounces.Protocol} {bounces.Host}:{bounces.EffectivePort}: {reason}");
        }
    }

    private async Task ReadImapAsync(BounceOptions bounces, Tally tally, CancellationToken cancellationToken)
    {
        using var client = new ImapClient { Timeout = (int)bounces.Timeout.TotalMilliseconds };
        await client.ConnectAsync(bounces.Host, bounces.EffectivePort, TlsChoice.For(bounces.Security, bounces.Host, bounces.EffectivePort, 993), cancellationToken);
        await client.AuthenticateAsync(bounces.Username, bounces.Password, cancellationToken);
        var folder = await client.GetFolderAsync(bounces.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var mailbox = $"imap {bounces.Username}@{bounces.Host}:{bounces.EffectivePort}/{bounces.Folder}";
        var after = await position.ImapPositionAsync(mailbox, cancellationToken) is { } saved && saved.UidValidity == folder.UidValidity ? saved.LastUid : 0u;
        // "UID n:*" always answers with the newest message, even below n: only UIDs above the position are new.
        var fresh = (await folder.SearchAsync(MailKit.Search.SearchQuery.Uids(new UniqueIdRange(new UniqueId(folder.UidValidity, after + 1), UniqueId.MaxValue)), cancellationToken))
            .Where(uid => uid.Id > after).ToList();
        if (fresh.Count > 0)
        {
            var handled = new List<UniqueId>();
            // The structure tells a report from other mail without downloading it.
            foreach (var summary in (await folder.FetchAsync(fresh, MessageSummaryItems.UniqueId | MessageSummaryItems.BodyStructure, cancellationToken)).OrderBy(s => s.UniqueId.Id))
            {
                if (summary.Body?.ContentType is { } type && IsReport(type)
                    && await ApplyAsync(await folder.GetMessageAsync(summary.UniqueId, cancellationToken), tally, cancellationToken))
                    handled.Add(summary.UniqueId);
            }
            if (handled.Count > 0 && bounces.DoneFolder.Length > 0)
                await folder.MoveToAsync(handled, await client.GetFolderAsync(bounces.DoneFolder, cancellationToken), cancellationToken);
            else if (handled.Count > 0)
            {
                await folder.AddFlagsAsync(handled, MessageFlags.Deleted, silent: true, cancellationToken);
                await folder.ExpungeAsync(handled, cancellationToken);
            }
            await position.SaveImapPositionAsync(mailbox, folder.UidValidity, fresh.Max(uid => uid.Id), cancellationToken);
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task ReadPop3Async(BounceOptions bounces, Tally tally, CancellationToken cancellationToken)
    {
        using var client = new Pop3Client { Timeout = (int)bounces.Timeout.TotalMilliseconds };
        await client.ConnectAsync(bounces.Host, bounces.EffectivePort, TlsChoice.For(bounces.Security, bounces.Host, bounces.EffectivePort, 995), cancellationToken);
        await client.AuthenticateAsync(bounces.Username, bounces.Password, cancellationToken);
        var mailbox = $"pop3 {bounces.Username}@{bounces.Host}:{bounces.EffectivePort}";
        var seen = await position.SeenUidsAsync(mailbox, cancellationToken);
        var uids = client.Count > 0 ? await client.GetMessageUidsAsync(cancellationToken) : [];
        var kept = new List<string>();
        for (var i = 0; i < uids.Count; i++)
        {
            if (seen.Contains(uids[i]))
            {
                kept.Add(uids[i]);
                continue;
            }
            // TOP n 0: the headers alone tell a report from other mail (read raw: MimeKit's message headers leave
            // Content-Type to the body).
            HeaderList headers;
            await using (var top = await client.GetStreamAsync(i, headersOnly: true, cancellationToken))
                headers = await HeaderList.LoadAsync(ParserOptions.Default, top, cancellationToken);
            if (headers.FirstOrDefault(h => h.Id == HeaderId.ContentType) is { } header
                && ContentType.TryParse(ParserOptions.Default, header.RawValue, out var type) && IsReport(type)
                && await ApplyAsync(await client.GetMessageAsync(i, cancellationToken), tally, cancellationToken))
                await client.DeleteMessageAsync(i, cancellationToken);
            else
                kept.Add(uids[i]);
        }
        // POP3 deletes only on a clean QUIT; a run that dies before it reads the reports again and counts them once.
        await client.DisconnectAsync(quit: true, cancellationToken);
        await position.SaveSeenUidsAsync(mailbox, kept, cancellationToken);
    }

    /// <summary>Delivery status notifications and feedback reports; other reports (read receipts) are for people.</summary>
    private static bool IsReport(ContentType type) =>
        type.IsMimeType("multipart", "report")
        && type.Parameters["report-type"]?.ToLowerInvariant() is "delivery-status" or "feedback-report";

    /// <summary>Applies a report's hard bounces or complaint; true when it was a report to delete.</summary>
    private async Task<bool> ApplyAsync(MimeMessage message, Tally tally, CancellationToken cancellationToken)
    {
        using (message)
        {
            if (message.Body is not MultipartReport report)
                return false;
            foreach (var bounce in DsnReader.HardBounces(message))
            {
                if (await outbox.RecordLateBounceAsync(bounce, cancellationToken))
                {
                    tally.Bounces++;
                    LogHardBounce(bounce.Recipient, bounce.Status);
                }
            }
            if (ComplaintReader.Complaint(message) is { } complaint && await outbox.RecordComplaintAsync(complaint, cancellationToken))
            {
                tally.Complaints++;
                LogComplaint(complaint.MessageId);
            }
            return report.ReportType?.ToLowerInvariant() is "delivery-status" or "feedback-report";
        }
    }

    private sealed class Tally
    {
        public int Bounces { get; set; }
        public int Complaints { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bounce report: {Recipient} failed with {Status}")]
    private partial void LogHardBounce(string recipient, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spam complaint about digest {MessageId}: its subscriber is unsubscribed and suppressed")]
    private partial void LogComplaint(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bounce mailbox cannot be read: {Reason}")]
    private partial void LogUnreadable(string reason);
}

using DigestService.Addresses;
using System.Security.Cryptography;
using DigestService.Store;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// Reads delivery status notifications (RFC 3464: multipart/report; report-type=delivery-status) and picks out the
/// hard bounces: recipients whose Action is failed with a permanent 5.x.x Status that blames the address.
/// </summary>
public static class DsnReader
{
    /// <summary>The hard bounces a message reports; empty when it is no DSN, or reports only delays and soft failures.</summary>
    public static IReadOnlyList<BounceReport> HardBounces(MimeMessage message)
    {
        var report = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (report is null || message.Body is not MultipartReport)
            return [];
        var original = OriginalMessageId(message);
        var reportId = message.MessageId ?? Fingerprint(message);
        // The first group describes the report as a whole; each further group is one recipient.
        return report.StatusGroups.Skip(1)
            .Select(fields => (Recipient: Address(fields["Final-Recipient"] ?? fields["Original-Recipient"]), Action: fields["Action"]?.Trim(), Status: fields["Status"]?.Trim(), Diagnostic: fields["Diagnostic-Code"]))
            .Where(r => r.Recipient is not null && string.Equals(r.Action, "failed", StringComparison.OrdinalIgnoreCase) && IsHard(r.Status))
            .Select(r => new BounceReport($"{reportId}/{r.Recipient}", r.Recipient!, r.Status!, original, Unfold(r.Diagnostic)))
            .ToList();
    }

    /// <summary>
    /// About the address (5.1.x, 5.2.1). A full mailbox (5.2.2), a message too big (5.3.4) or the receiver's policy
    /// (5.7.x) are about that message only: the next digest may well get through.
    /// </summary>
    private static bool IsHard(string? status) => EnhancedStatus.Parse(status) is { IsHardBounce: true };

    /// <summary>The Message-ID of the message a report is about, from its message/rfc822 or text/rfc822-headers part.</summary>
    public static string? OriginalMessageId(MimeMessage message) =>
        message.BodyParts.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => !string.IsNullOrEmpty(id));

    /// <summary>"rfc822; user@example.org" (the address type may be missing) to the bare address, in the canonical form subscribers are stored by.</summary>
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
            return null;
        var address = field[(field.IndexOf(';') + 1)..].Trim().Trim('<', '>');
        // A server reports the address as it wrote it on the wire (an xn-- domain, say): match it in canonical form.
        return address.Contains('@') ? AddressCanonicalizer.Canonicalize(address).Address ?? address : null;
    }

    private static string Unfold(string? text) => string.Join(' ', (text ?? "").Split(['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A report with no Message-ID is known by a hash of its headers, so reading it twice still counts once.</summary>
    public static string Fingerprint(MimeMessage message)
    {
        using var headers = new MemoryStream();
        message.Headers.WriteTo(headers);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(headers.ToArray()));
    }
}

using DigestService.Store;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// Reads spam complaints: feedback reports (RFC 5965 ARF, multipart/report; report-type=feedback-report) with
/// Feedback-Type: abuse, which mailbox providers send through their feedback loops when someone presses "spam".
/// </summary>
public static class ComplaintReader
{
    /// <summary>The complaint a message reports, or null when it is no abuse report or names no message.</summary>
    public static ComplaintReport? Complaint(MimeMessage message)
    {
        if (message.Body is not MultipartReport { ReportType: var type } || !string.Equals(type, "feedback-report", StringComparison.OrdinalIgnoreCase))
            return null;
        var fields = message.BodyParts.OfType<MessageFeedbackReport>().FirstOrDefault()?.Fields;
        var feedbackType = fields?["Feedback-Type"]?.Trim();
        if (!string.Equals(feedbackType, "abuse", StringComparison.OrdinalIgnoreCase) || DsnReader.OriginalMessageId(message) is not { } original)
            return null;
        return new ComplaintReport(message.MessageId ?? DsnReader.Fingerprint(message), "abuse", original, fields!["User-Agent"]?.Trim());
    }
}

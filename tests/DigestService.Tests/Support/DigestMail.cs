using System.Text.RegularExpressions;
using MimeKit;

namespace DigestService.Tests.Support;

/// <summary>Reads what a digest carries, from its plain-text part: the arXiv ids of its papers, in the order shown.</summary>
public static partial class DigestMail
{
    public static IReadOnlyList<string> PaperIds(MimeMessage message) =>
        PaperLink().Matches(message.TextBody ?? "").Select(m => m.Groups[1].Value).ToList();

    /// <summary>The ids linked from an HTML page (a preview or the archive), in order, each once.</summary>
    public static IReadOnlyList<string> PaperIds(string html) =>
        PaperLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

    [GeneratedRegex(@"https://huggingface\.co/papers/([0-9]{4}\.[0-9]{4,5})")]
    private static partial Regex PaperLink();
}

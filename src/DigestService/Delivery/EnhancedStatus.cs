using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestService.Delivery;

/// <summary>
/// An RFC 3463 enhanced status code (class.subject.detail), as an SMTP reply starts its text or a DSN gives its Status,
/// and what it says about the address: 5.1.x (bad address, 5.1.10 included) and 5.2.1 (mailbox disabled) are hard
/// bounces, except 5.1.7 and 5.1.8 (a bad sender address or domain: ours, not the subscriber's); 5.2.2 (mailbox full) and 4.x.x are worth retrying; 5.7.x is the receiver's policy, not the address.
/// </summary>
public readonly partial record struct EnhancedStatus(int Class, int Subject, int Detail)
{
    /// <summary>The code at the start of <paramref name="text"/>, or null when it has none.</summary>
    public static EnhancedStatus? Parse(string? text)
    {
        var match = Code().Match(text ?? "");
        return match.Success
            ? new EnhancedStatus(Number(match.Groups[1]), Number(match.Groups[2]), Number(match.Groups[3]))
            : null;

        static int Number(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public bool IsHardBounce => Class == 5 && ((Subject == 1 && Detail is not (7 or 8)) || (Subject, Detail) == (2, 1));

    public bool IsTransient => Class == 4 || (Class, Subject, Detail) == (5, 2, 2);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Class}.{Subject}.{Detail}");

    [GeneratedRegex(@"^\s*([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])")]
    private static partial Regex Code();
}

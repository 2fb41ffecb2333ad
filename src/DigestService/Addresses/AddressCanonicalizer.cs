using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace DigestService.Addresses;

/// <summary>
/// The one place an email address is checked and brought to the form that mail is delivered to. Every entry point
/// (sign-up form, rate limits, confirmation allowance, CLI add/import, bounce reports, suppression) keys on this form,
/// so one inbox is one subscriber however its address is spelled.
/// <list type="bullet">
/// <item>Domain: UTS 46 mapping (IDNA 2008, STD3 rules: full-width and circled letters, ideographic dots and case fold
/// to one spelling), kept in its Unicode form in lowercase: <c>user@xn--bcher-kva.de</c> and <c>user@BÜCHER.de</c>
/// are both <c>user@bücher.de</c>. Mail libraries write the ASCII form on the wire when the server needs it.</item>
/// <item>Local part: quotes removed (RFC 5322: <c>"victim"@x</c> is <c>victim@x</c>), then NFC, the normalisation
/// RFC 6532 asks for, then lowercased in full (<c>Ä@x</c> is <c>ä@x</c>): every mail service in use treats case as one
/// mailbox, and keying on one case is what keeps per-address limits from being multiplied by spelling.</item>
/// <item>Refused: invisible and text-direction characters anywhere (soft hyphen, zero-width, bidi controls, variation
/// selectors: they make one address look like another), compatibility look-alikes in the local part (full-width or
/// circled letters: NFKC would merge them, but the receiving server decides what they mean, so we do not guess),
/// local parts that would need quotes, domain literals, numeric top-level names, labels that start or end with a
/// hyphen, local parts over 64 octets, labels over 63, addresses over 254.</item>
/// </list>
/// </summary>
public static partial class AddressCanonicalizer
{
    public const int MaxLength = 254;
    public const int MaxLocalPartOctets = 64;
    public const int MaxLabelOctets = 63;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    // The dots UTS 46 maps to '.': full stop, ideographic, full-width and half-width ideographic.
    private static readonly char[] Dots = ['.', '\u3002', '\uFF0E', '\uFF61'];

    // RFC 5322 dot-atom, with any non-ASCII character allowed as RFC 6532 does.
    [GeneratedRegex(@"^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\x00-\x7F])+(?:\.(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\x00-\x7F])+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DotAtom();

    /// <summary>The canonical address, or the reason the input is refused (a phrase that fits after "Please check your email address:").</summary>
    public static (string? Address, string? Error) Canonicalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return Refuse("the email address is empty");
        if (input.Contains('\r') || input.Contains('\n'))
            return Refuse("the email address contains a line break");
        var text = input.Trim();
        if (text.Length > MaxLength)
            return Refuse($"the email address is longer than {MaxLength} characters");
        if (FirstUnwanted(text) is { } problem)
            return Refuse(problem);
        if (!text.Contains('@'))
            return Refuse("the email address has no @ and no domain");
        var at = text.LastIndexOf('@');
        if (at == text.Length - 1)
            return Refuse("the email address has no domain after the @");
        if (at == 0)
            return Refuse("the email address has nothing before the @");
        var (local, localError) = LocalPart(text[..at]);
        if (local is null)
            return Refuse(localError!);
        var (domain, ascii, domainError) = Domain(text[(at + 1)..]);
        if (domain is null)
            return Refuse(domainError!);
        if (Encoding.UTF8.GetByteCount(local) + 1 + ascii!.Length > MaxLength)
            return Refuse($"the email address is longer than {MaxLength} characters");
        var address = local + "@" + domain;
        // MimeKit is what writes the address into every message: it must read it back unchanged.
        if (!MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox) || mailbox.LocalPart != local)
            return Refuse("the email address is not valid");
        return (address, null);
    }

    private static (string?, string?) Refuse(string reason) => (null, reason);

    /// <summary>Broken text, invisible or bidi characters, spaces and controls, named by code point.</summary>
    private static string? FirstUnwanted(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
                return "the email address contains a character that is not valid text";
            if (IsInvisible(rune))
                return $"the email address contains an invisible or text-direction character (U+{rune.Value:X4})";
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
                return "the email address contains spaces or control characters";
            rest = rest[used..];
        }
        return null;
    }

    /// <summary>Unicode's format characters (zero-width, bidi controls, soft hyphen, BOM, tags) and the other default-ignorables.</summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0
            or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xFFF0 and <= 0xFFF8)
            or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    private static (string?, string?) LocalPart(string raw)
    {
        var content = raw;
        if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"')
        {
            if (Unquote(raw[1..^1]) is not { } unquoted)
                return (null, "the part before the @ has a stray quote");
            content = unquoted;
        }
        content = content.Normalize(NormalizationForm.FormC);
        if (content.Normalize(NormalizationForm.FormKC) != content)
            return (null, "the part before the @ contains look-alike characters (such as full-width or circled letters); please type it with ordinary letters");
        if (!DotAtom().IsMatch(content))
            return (null, "the part before the @ may use letters, digits, dots (not two in a row, not first or last) and ! # $ % & ' * + - / = ? ^ _ ` { | } ~ only");
        if (Encoding.UTF8.GetByteCount(content) > MaxLocalPartOctets)
            return (null, $"the part before the @ is longer than {MaxLocalPartOctets} bytes");
        return (content.ToLowerInvariant().Normalize(NormalizationForm.FormC), null);
    }

    /// <summary>The text of a quoted string (RFC 5322 quoted-pairs undone); null when it holds an unescaped quote.</summary>
    private static string? Unquote(string quoted)
    {
        var builder = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '"')
                return null;
            if (quoted[i] == '\\' && i + 1 < quoted.Length)
                i++;
            builder.Append(quoted[i]);
        }
        return builder.ToString();
    }

    /// <summary>The domain in lowercase Unicode form and its ASCII (A-label) form, or why it is refused.</summary>
    private static (string?, string?, string?) Domain(string raw)
    {
        if (raw.StartsWith('['))
            return (null, null, "domain literals such as [127.0.0.1] are not accepted; use the domain name");
        var labels = raw.Split(Dots);
        if (labels.Length < 2)
            return (null, null, "the domain must be a full domain name such as example.org");
        var ascii = new List<string>(labels.Length);
        foreach (var label in labels)
        {
            if (label.Length == 0)
                return (null, null, "the domain has an empty part (two dots in a row, or a dot at either end)");
            var mapped = ToAscii(label);
            var plain = mapped ?? label.Normalize(NormalizationForm.FormKC);
            if (plain.StartsWith('-') || plain.EndsWith('-'))
                return (null, null, $"a part of the domain starts or ends with a hyphen ({plain})");
            if ((mapped?.Length ?? Encoding.UTF8.GetByteCount(plain)) > MaxLabelOctets)
                return (null, null, $"a part of the domain is longer than {MaxLabelOctets} characters");
            if (mapped is null)
                return (null, null, $"“{label}” is not a valid part of a domain name");
            ascii.Add(mapped);
        }
        if (ascii[^1].All(char.IsAsciiDigit))
            return (null, null, "the domain must be a name, not a number such as an IP address");
        var asciiDomain = string.Join('.', ascii);
        return (Idn.GetUnicode(asciiDomain).ToLowerInvariant(), asciiDomain, null);
    }

    /// <summary>One label through UTS 46 to its lowercase A-label; null when IDNA refuses it (or a long label overflows).</summary>
    private static string? ToAscii(string label)
    {
        try
        {
            return Idn.GetAscii(label).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

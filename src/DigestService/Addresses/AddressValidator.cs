using MimeKit;

namespace DigestService.Addresses;

/// <summary>Checks a subscriber's address with MimeKit and says which rule it broke.</summary>
public static class AddressValidator
{
    public const int MaxLength = 254;

    /// <summary>The normalised address, or the reason it is refused.</summary>
    public static (string? Address, string? Error) Validate(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return (null, "the email address is empty");
        if (input.Contains('\r') || input.Contains('\n'))
            return (null, "the email address contains a line break");
        var text = input.Trim();
        if (text.Length > MaxLength)
            return (null, $"the email address is longer than {MaxLength} characters");
        if (!text.Contains('@'))
            return (null, "the email address has no @ and no domain");
        var at = text.LastIndexOf('@');
        if (at == text.Length - 1)
            return (null, "the email address has no domain after the @");
        if (at == 0)
            return (null, "the email address has nothing before the @");
        if (text.Any(char.IsWhiteSpace) || text.Any(char.IsControl))
            return (null, "the email address contains spaces or control characters");
        if (!MailboxAddress.TryParse(ParserOptions.Default, text, out var mailbox) || mailbox.Address != text)
            return (null, "the email address is not valid");
        var domain = mailbox.Domain;
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
            return (null, "the domain must be a full domain name such as example.org");
        return (mailbox.LocalPart + "@" + domain.ToLowerInvariant(), null);
    }
}

namespace DigestService.Tests.Support;

/// <summary>The bounce reports under Fixtures/dsn, filled in with a recipient and the Message-ID of the digest that bounced.</summary>
public static class DsnSamples
{
    public static string Read(string name, string recipient, string messageId) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "dsn", name))
            .Replace("{{RECIPIENT}}", recipient, StringComparison.Ordinal)
            .Replace("{{MESSAGE_ID}}", messageId, StringComparison.Ordinal)
            .ReplaceLineEndings("\r\n");

    public static MimeKit.MimeMessage Load(string name, string recipient, string messageId) =>
        MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Read(name, recipient, messageId))));
}

namespace DigestService.Config;

public enum SmtpSecurity { None, StartTls, SslOnConnect, Auto }

public sealed class SmtpOptions : ISelfValidatingOptions
{
    /// <summary>Empty means no SMTP server: messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string From { get; set; } = "DigestService <digest@localhost>";
    public string PickupDirectory { get; set; } = "data/outbox";
    public int MaxConnections { get; set; } = 4;

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(Host);

    public IEnumerable<string> Validate()
    {
        if (Port is < 1 or > 65535)
            yield return "Smtp:Port must be between 1 and 65535.";
        if (MaxConnections is < 1 or > 64)
            yield return "Smtp:MaxConnections must be between 1 and 64.";
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
            yield return $"Smtp:From is not a valid address: '{From}'.";
        if (UsesPickupDirectory && string.IsNullOrWhiteSpace(PickupDirectory))
            yield return "Smtp:PickupDirectory must be set when Smtp:Host is empty.";
        if (!string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(Password))
            yield return "Smtp:Password must be set when Smtp:Username is.";
    }
}

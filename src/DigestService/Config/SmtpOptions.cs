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

    /// <summary>At most this many messages a second over all connections; 0 means no limit.</summary>
    public double MessagesPerSecond { get; set; }

    /// <summary>A connection that has had nothing to send for this long says NOOP, so the server keeps it open.</summary>
    public TimeSpan IdleNoOp { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one SMTP command may take before the connection is given up as dropped.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(Host);

    public IEnumerable<string> Validate()
    {
        if (Port is < 1 or > 65535)
            yield return "Smtp:Port must be between 1 and 65535.";
        if (MaxConnections is < 1 or > 64)
            yield return "Smtp:MaxConnections must be between 1 and 64.";
        if (MessagesPerSecond is < 0 or > 100_000 || double.IsNaN(MessagesPerSecond))
            yield return "Smtp:MessagesPerSecond must be between 0 (no limit) and 100000.";
        if (IdleNoOp <= TimeSpan.Zero)
            yield return "Smtp:IdleNoOp must be a positive TimeSpan such as 00:00:30.";
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(30))
            yield return "Smtp:Timeout must be a positive TimeSpan up to 00:30:00.";
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
            yield return $"Smtp:From is not a valid address: '{From}'.";
        if (UsesPickupDirectory && string.IsNullOrWhiteSpace(PickupDirectory))
            yield return "Smtp:PickupDirectory must be set when Smtp:Host is empty.";
        if (!string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(Password))
            yield return "Smtp:Password must be set when Smtp:Username is.";
    }
}

namespace DigestService.Config;

public enum BounceProtocol { Imap, Pop3 }

/// <summary>The mailbox that receives bounce reports (the envelope sender's mailbox); off while Host is empty.</summary>
public sealed class BounceOptions : ISelfValidatingOptions
{
    public string Host { get; set; } = "";
    public BounceProtocol Protocol { get; set; } = BounceProtocol.Imap;

    /// <summary>0 means the protocol's usual port: 993/995 with Auto security, else 143/110.</summary>
    public int Port { get; set; }

    /// <summary>Auto is TLS on 993 and 995, required STARTTLS elsewhere, STARTTLS when offered on loopback.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string Username { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>The IMAP folder to read; POP3 has only the one.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>IMAP: move handled reports to this folder instead of deleting them (empty: delete).</summary>
    public string DoneFolder { get; set; } = "";

    /// <summary>The most one command to the mailbox may take; a mailbox slower than that is skipped for this run.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port != 0 ? Port : (Protocol, Security) switch
    {
        (BounceProtocol.Imap, SmtpSecurity.SslOnConnect or SmtpSecurity.Auto) => 993,
        (BounceProtocol.Imap, _) => 143,
        (_, SmtpSecurity.SslOnConnect or SmtpSecurity.Auto) => 995,
        _ => 110,
    };

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
            yield break;
        if (Port is < 0 or > 65535)
            yield return "Bounces:Port must be between 1 and 65535 (0 for the protocol's default).";
        if (string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password))
            yield return "Bounces:Username and Bounces:Password must be set when Bounces:Host is.";
        if (Protocol == BounceProtocol.Imap && string.IsNullOrWhiteSpace(Folder))
            yield return "Bounces:Folder must name an IMAP folder such as INBOX.";
        if (DoneFolder.Length > 0 && Protocol != BounceProtocol.Imap)
            yield return "Bounces:DoneFolder works with IMAP only (POP3 has one folder): leave it empty.";
        if (DoneFolder.Length > 0 && string.Equals(DoneFolder, Folder, StringComparison.OrdinalIgnoreCase))
            yield return "Bounces:DoneFolder must differ from Bounces:Folder.";
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
            yield return "Bounces:Timeout must be a TimeSpan from 00:00:01 to 00:10:00.";
    }
}

namespace DigestService.Config;

/// <summary>The operator dashboard at /admin: off unless a password hash is set or loopback access is allowed.</summary>
public sealed class AdminOptions : ISelfValidatingOptions
{
    /// <summary>A PBKDF2 hash as printed by <c>DigestService admin-hash</c> (see README); HTTP Basic, any user name.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Lets requests from loopback in without a password (behind an SSH tunnel, say).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Requests to /admin one client IP (an IPv6 /64) may make per minute, right password or not.</summary>
    public int RequestsPerMinute { get; set; } = 10;

    public bool Enabled => PasswordHash.Length > 0 || AllowLoopback;

    public IEnumerable<string> Validate()
    {
        if (PasswordHash.Length > 0 && !Config.PasswordHash.IsWellFormed(PasswordHash))
            yield return "Admin:PasswordHash is not a hash this service made: run `DigestService admin-hash` and paste the whole line it prints.";
        if (RequestsPerMinute is < 1 or > 10_000)
            yield return "Admin:RequestsPerMinute must be between 1 and 10000.";
    }
}

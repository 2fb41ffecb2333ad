using System.Diagnostics;
using System.Net.Sockets;

namespace DigestService.Tests.Support;

/// <summary>
/// A real IMAP and POP3 server: Debian's Dovecot (packages dovecot-imapd and dovecot-pop3d, installed by
/// deploy/test.sh) run in the foreground on loopback ports with its own configuration, one user and one Maildir,
/// in a temporary directory.
/// </summary>
public sealed class DovecotServer : IDisposable
{
    public const string User = "bounces";
    // A fresh password per server: nothing to keep secret, but nothing fixed to copy into a real configuration either.
    public string Password { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
    private const string Binary = "/usr/sbin/dovecot";
    private readonly Process _process;
    private readonly string _mailOwner;
    private int _delivered;

    public DovecotServer()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: install dovecot-imapd and dovecot-pop3d (deploy/test.sh does)");
        Directory = System.IO.Directory.CreateTempSubdirectory("dovecot-test-").FullName;
        ImapPort = FeedServer.FreePort();
        Pop3Port = FeedServer.FreePort();
        var root = Environment.UserName == "root";
        // Dovecot will not read mail as root: as root it reads as nobody; otherwise as the user running the tests.
        _mailOwner = root ? "65534:65534" : $"{Run("id", "-u")}:{Run("id", "-g")}";
        System.IO.Directory.CreateDirectory(Path.Combine(Maildir, "new"));
        System.IO.Directory.CreateDirectory(Path.Combine(Maildir, "cur"));
        System.IO.Directory.CreateDirectory(Path.Combine(Maildir, "tmp"));
        File.WriteAllText(Path.Combine(Directory, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        var uid = _mailOwner.Split(':');
        var services = root ? "" : $"default_internal_user = {Environment.UserName}\ndefault_login_user = {Environment.UserName}\n";
        File.WriteAllText(ConfigFile, $$"""
            protocols = imap pop3
            listen = 127.0.0.1
            base_dir = {{Directory}}/run
            state_dir = {{Directory}}/state
            log_path = {{Directory}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            {{services}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{Directory}}/passwd
            }
            userdb {
              driver = static
              args = uid={{uid[0]}} gid={{uid[1]}} home={{Directory}}/home/%u
            }
            mail_location = maildir:~/Maildir
            imap_logout_format = in=%i out=%o hdr_count=%{fetch_hdr_count} body_count=%{fetch_body_count} body_bytes=%{fetch_body_bytes}
            pop3_logout_format = top=%t retr=%r del=%d
            service imap-login {
              chroot =
              inet_listener imap {
                port = {{ImapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service pop3-login {
              chroot =
              inet_listener pop3 {
                port = {{Pop3Port}}
              }
              inet_listener pop3s {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """);
        Run("chmod", "755", Directory);
        Run("chown", "-R", _mailOwner, Path.Combine(Directory, "home"));
        _process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", ConfigFile]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("dovecot did not start");
        WaitForPort(ImapPort);
        WaitForPort(Pop3Port);
    }

    public string Directory { get; }

    public int ImapPort { get; }

    public int Pop3Port { get; }

    private string ConfigFile => Path.Combine(Directory, "dovecot.conf");

    private string Maildir => Path.Combine(Directory, "home", User, "Maildir");

    /// <summary>Drops a message into the Maildir as an MTA's local delivery would: written in tmp, moved into new.</summary>
    public void Deliver(string message)
    {
        var name = $"{1786690000 + Interlocked.Increment(ref _delivered)}.M{_delivered}P1.test";
        var temporary = Path.Combine(Maildir, "tmp", name);
        File.WriteAllText(temporary, message);
        Run("chown", _mailOwner, temporary);
        File.Move(temporary, Path.Combine(Maildir, "new", name));
    }

    /// <summary>Many messages at once, written like <see cref="Deliver"/> and handed to the mail owner in one go.</summary>
    public void DeliverMany(IEnumerable<string> messages)
    {
        var names = new List<string>();
        foreach (var message in messages)
        {
            var name = $"{1786690000 + Interlocked.Increment(ref _delivered)}.M{_delivered}P1.test";
            File.WriteAllText(Path.Combine(Maildir, "tmp", name), message);
            names.Add(name);
        }
        Run("chown", "-R", _mailOwner, Path.Combine(Maildir, "tmp"));
        foreach (var name in names)
            File.Move(Path.Combine(Maildir, "tmp", name), Path.Combine(Maildir, "new", name));
    }

    /// <summary>
    /// What Dovecot itself logged about each session at its end, oldest first: for IMAP
    /// <c>in=… out=… hdr_count=… body_count=… body_bytes=…</c>, for POP3 <c>top=… retr=… del=…</c>. Its own count of
    /// what a client fetched, so a test need not trust the client.
    /// </summary>
    public IReadOnlyList<string> Logouts()
    {
        var log = Path.Combine(Directory, "dovecot.log");
        if (!File.Exists(log))
            return [];
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Where(l => l.Contains("Logged out", StringComparison.Ordinal)).ToList();
    }

    /// <summary>How many messages the mailbox holds now, read or not.</summary>
    public int Count => System.IO.Directory.GetFiles(Path.Combine(Maildir, "new")).Length + System.IO.Directory.GetFiles(Path.Combine(Maildir, "cur")).Length;

    /// <summary>Settings that point the service's bounce mailbox here.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings(string protocol) =>
    [
        new("Bounces:Host", "127.0.0.1"),
        new("Bounces:Protocol", protocol),
        new("Bounces:Port", (protocol == "Imap" ? ImapPort : Pop3Port).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Bounces:Security", "None"),
        new("Bounces:Username", User),
        new("Bounces:Password", Password),
    ];

    private static void WaitForPort(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                // Dovecot gives no signal when it listens: poll the port, bounded by the deadline.
                Thread.Sleep(50);
            }
        }
    }

    private static string Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {process.StandardError.ReadToEnd().Trim()}");
        return output;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A Dovecot child still closing its log: the OS temp cleaner will take it.
        }
    }
}

using System.CommandLine;
using DigestService.Config;

namespace DigestService.Cli;

/// <summary>
/// <c>admin-hash</c>: reads a password from standard input (never the command line, which shells keep in their
/// history) and prints the Admin:PasswordHash line for it.
/// </summary>
public sealed class AdminHashVerb(CliConsole console) : IVerb
{
    public static Command Define() => new("admin-hash", "Read a password from standard input and print its Admin:PasswordHash (PBKDF2-SHA256) for the /admin dashboard.");

    public static IReadOnlyList<string> Examples { get; } = ["read -rs PW && printf %s \"$PW\" | DigestService admin-hash"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
        if (password.Length < 12)
            throw new UsageException("give a password of at least 12 characters on standard input");
        await console.Out.WriteLineAsync(PasswordHash.Create(password));
        return 0;
    }
}

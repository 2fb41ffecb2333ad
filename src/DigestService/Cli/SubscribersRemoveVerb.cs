using System.CommandLine;
using DigestService.Addresses;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>subscribers remove EMAIL</c>: deletes the subscriber; exit 1 when there is none with that address.</summary>
public sealed class SubscribersRemoveVerb(SubscriberStore store, CliConsole console) : IVerb
{
    private const string EmailArgument = "EMAIL";

    public static Command Define() => new("remove", "Remove a subscriber.")
    {
        new Argument<string>(EmailArgument) { Description = "The subscriber's email address." },
    };

    public static IReadOnlyList<string> Examples { get; } = ["DigestService subscribers remove ada@example.org"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var email = parsed.GetRequiredValue<string>(EmailArgument);
        // Any spelling finds the subscriber; an address stored before canonical forms is still found as typed.
        if (!await store.RemoveAsync(AddressCanonicalizer.Canonicalize(email).Address ?? email.Trim(), cancellationToken))
        {
            await console.Error.WriteLineAsync($"subscribers remove: no subscriber {email}");
            return 1;
        }
        await console.Out.WriteLineAsync($"{email}: removed");
        return 0;
    }
}

using System.CommandLine;
using DigestService.Addresses;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary>
/// <c>subscribers remove EMAIL</c>: erases the subscriber as "Delete me" does, leaving only the keyed-hash suppression,
/// so no later add or import brings them back; exit 1 when there is none with that address.
/// </summary>
public sealed class SubscribersRemoveVerb(SubscriberStore store, CliConsole console) : IVerb
{
    private const string EmailArgument = "EMAIL";

    public static Command Define() => new("remove", "Erase a subscriber; their address stays suppressed.")
    {
        new Argument<string>(EmailArgument) { Description = "The subscriber's email address." },
    };

    public static IReadOnlyList<string> Examples { get; } = ["DigestService subscribers remove ada@example.org"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var email = parsed.GetRequiredValue<string>(EmailArgument);
        // Any spelling finds the subscriber; an address stored before canonical forms is still found as typed.
        if (await store.FindByEmailAsync(AddressCanonicalizer.Canonicalize(email).Address ?? email.Trim(), cancellationToken) is not { } subscriber)
        {
            await console.Error.WriteLineAsync($"subscribers remove: no subscriber {email}");
            return 1;
        }
        await store.EraseAsync(subscriber, new ChangeCause(ChangeSource.Cli, "subscribers remove"), cancellationToken);
        await console.Out.WriteLineAsync($"{email}: removed");
        return 0;
    }
}

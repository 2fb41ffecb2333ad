using System.CommandLine;
using DigestService.Store;
using DigestService.Web;

namespace DigestService.Cli;

/// <summary>
/// <c>subscribers unsuppress EMAIL --reason "…"</c>: the only operator path back for a suppressed address. It sends
/// the person a confirmation link and changes nothing else: they stay suppressed until they use it. The request, with
/// its reason, goes in the audit trail and the log.
/// </summary>
public sealed partial class SubscribersUnsuppressVerb(
    SubscriberStore store,
    SignUpService signUps,
    ConfirmationMailer mailer,
    CliConsole console,
    ILogger<SubscribersUnsuppressVerb> logger) : IVerb
{
    private const string EmailArgument = "EMAIL", ReasonOption = "--reason";

    public static Command Define() => new("unsuppress",
        "Send a suppressed address (unsubscribed, bounced, complained, deleted) a confirmation link, because its owner asked to come back. It never activates: only their click does.")
    {
        new Argument<string>(EmailArgument) { Description = "The suppressed email address." },
        new Option<string>(ReasonOption) { Description = "Why (kept in the audit trail), such as \"asked by phone on 2026-08-15\".", HelpName = "TEXT", Required = true },
    };

    public static IReadOnlyList<string> Examples { get; } = ["DigestService subscribers unsuppress ada@example.org --reason \"asked us by email on 2026-08-15\""];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var email = SubscribersAddVerb.Address(parsed.GetRequiredValue<string>(EmailArgument));
        var reason = parsed.GetRequiredValue<string>(ReasonOption).Trim();
        if (reason.Length == 0)
            throw new UsageException($"{ReasonOption} must say why the person asked to come back (it is kept in the audit trail)");
        var cause = new ChangeCause(ChangeSource.Cli, $"subscribers unsuppress: {reason}; a confirmation link was requested; nothing changes until they use it");
        if (await store.ForUnsuppressAsync(email, cause, cancellationToken) is not var (subscriber, suppression))
        {
            await console.Error.WriteLineAsync($"{email}: not suppressed; nothing to undo");
            return 1;
        }
        if (await signUps.PrepareAsync(subscriber, new ConfirmationRequest(null, null, new ChangeCause(ChangeSource.Cli, reason)), cancellationToken) is not { } mail)
        {
            await console.Error.WriteLineAsync($"{email}: had its confirmation emails for today already (one a day after a bounce); try again tomorrow");
            return 1;
        }
        await mailer.SendAsync(mail, cancellationToken);
        LogUnsuppress(subscriber.Id, suppression.Reason, reason);
        await console.Out.WriteLineAsync($"{email}: confirmation sent; stays {suppression.Reason} until they use the link");
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator asked to lift the suppression of subscriber {SubscriberId} ({Suppression}): {Reason}; a confirmation link was sent")]
    private partial void LogUnsuppress(long subscriberId, string suppression, string reason);
}

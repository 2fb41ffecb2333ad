using DigestService.Store;
using DigestService.Web;

namespace DigestService.Cli;

/// <summary>
/// <c>subscribers unsuppress EMAIL --reason "…"</c>: the only operator path back for a suppressed address. It sends
/// the person a confirmation link and changes nothing else: they stay suppressed until they use it. The request,
/// with its reason, goes in the audit trail and the log.
/// </summary>
public static partial class UnsuppressCommand
{
    public static async Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        args.Allow(3, "reason");
        var email = SubscribersCommand.Address(args.Word(2, "the email address"));
        var reason = args.Option("reason")?.Trim();
        if (string.IsNullOrEmpty(reason))
            throw new UsageException("--reason is required: say why the person asked to come back (it is kept in the audit trail)");
        var cause = new ChangeCause(ChangeSource.Cli, $"subscribers unsuppress: {reason}; a confirmation link was sent, nothing changes until they use it");
        if (await services.GetRequiredService<SubscriberStore>().ForUnsuppressAsync(email, cause, cancellationToken) is not var (subscriber, suppression))
        {
            await error.WriteLineAsync($"{email}: not suppressed; nothing to undo");
            return 1;
        }
        var request = new ConfirmationRequest(null, null, new ChangeCause(ChangeSource.Cli, reason));
        if (await services.GetRequiredService<SignUpService>().PrepareAsync(subscriber, request, cancellationToken) is not { } mail)
        {
            await error.WriteLineAsync($"{email}: had its confirmation emails for today already (one a day after a bounce); try again tomorrow");
            return 1;
        }
        await services.GetRequiredService<ConfirmationMailer>().SendAsync(mail, cancellationToken);
        LogUnsuppress(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnsuppressCommand).FullName!), subscriber.Id, suppression.Reason, reason);
        await output.WriteLineAsync($"{email}: confirmation sent; stays {suppression.Reason} until they use the link");
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator asked to lift the suppression of subscriber {SubscriberId} ({Suppression}): {Reason}; a confirmation link was sent")]
    private static partial void LogUnsuppress(ILogger logger, long subscriberId, string suppression, string reason);
}

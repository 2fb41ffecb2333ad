using DigestService.Delivery;

namespace DigestService.Web;

/// <summary>
/// Sends the queued sign-up emails one at a time, off the request path. A send that fails is logged in one line and
/// dropped: the page said the same thing anyway, and the person can sign up again (within the day's allowance).
/// On shutdown the queue is closed and what is in it is still sent, until the host's shutdown time runs out.
/// </summary>
public sealed partial class SignUpMailSender(SignUpMailQueue queue, ConfirmationMailer mailer, ILogger<SignUpMailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read until the queue is completed, not until stoppingToken, so emails queued before shutdown still go out.
        await foreach (var mail in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await mailer.SendAsync(mail, stoppingToken);
            }
            catch (Exception e)
            {
                // Whatever the transport throws (a refused reply, a bad login, a TLS failure, an unwritable pickup
                // folder), one email is lost, not the web service: an exception leaving here would stop the host.
                LogNotSent(mail.SubscriberId, SmtpOutcome.Classify(e)?.Reply ?? e.Message);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        if (ExecuteTask is { } sending)
            await sending.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // Only when the shutdown time ran out is anything still sending: this cancels it.
        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-up email to subscriber {SubscriberId} not sent: {Reason}")]
    private partial void LogNotSent(long subscriberId, string reason);
}

using System.Threading.Channels;

namespace DigestService.Web;

/// <summary>
/// An email a sign-up asked for: the link of confirmation request <paramref name="ConfirmationId"/>, or, for an active
/// address (null), a note with its preferences link.
/// </summary>
public sealed record SignUpMail(long SubscriberId, string Email, long? ConfirmationId);

/// <summary>
/// Sign-up emails waiting for <see cref="SignUpMailSender"/>. The sign-up page only queues them, so it does the same
/// work and answers as fast whether the address is new, pending or active: an SMTP conversation on the request path
/// would tell them apart by its timing.
/// </summary>
public sealed class SignUpMailQueue
{
    /// <summary>Bounded so a flood cannot grow memory; the rate limits keep it far from full in normal use.</summary>
    public const int Capacity = 1000;

    private readonly Channel<SignUpMail> _channel =
        Channel.CreateBounded<SignUpMail>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    /// <summary>False when the queue is full or the service is stopping; the caller logs it and the page answers the same.</summary>
    public bool TryAdd(SignUpMail mail) => _channel.Writer.TryWrite(mail);

    public ChannelReader<SignUpMail> Reader => _channel.Reader;

    /// <summary>No more emails: the sender sends what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}

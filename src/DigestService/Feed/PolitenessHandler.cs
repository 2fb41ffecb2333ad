namespace DigestService.Feed;

/// <summary>Puts every attempt (retries too) through <see cref="HostPoliteness"/> before it leaves.</summary>
public sealed class PolitenessHandler(HostPoliteness politeness) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await politeness.WaitTurnAsync(request.RequestUri!.Host, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}

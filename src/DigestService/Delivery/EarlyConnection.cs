namespace DigestService.Delivery;

/// <summary>
/// One connection opened as soon as a send has selected its first digest, while that digest is still being rendered,
/// so its setup is off the first message's path. The first connection loop that needs a connection takes it (a send
/// of one digest still opens one); one left untaken is closed with the run.
/// </summary>
public sealed class EarlyConnection(IMailTransport transport, CancellationToken cancellationToken) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task<IMailConnection>? _opening;
    private bool _asked, _handedOver;

    /// <summary>Starts opening, once, unless a connection loop has already asked (it opened its own).</summary>
    public void Open()
    {
        lock (_lock)
        {
            if (!_asked && _opening is null)
                _opening = transport.ConnectAsync(cancellationToken);
        }
    }

    /// <summary>The early connection for the first caller, still opening or open (its failure is theirs); null after.</summary>
    public Task<IMailConnection>? Take()
    {
        lock (_lock)
        {
            if (_asked)
                return null;
            _asked = true;
            _handedOver = _opening is not null;
            return _opening;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<IMailConnection>? unused;
        lock (_lock)
        {
            _asked = true;
            unused = _handedOver ? null : _opening;
            _handedOver = true;
        }
        if (unused is null)
            return;
        try
        {
            await (await unused).DisposeAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nobody used it: a connection that failed to open or close loses nothing.
        }
    }
}

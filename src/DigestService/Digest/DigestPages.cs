using System.Collections.Concurrent;
using DigestService.Links;
using DigestService.Store;
using DigestService.Telemetry;

namespace DigestService.Digest;

/// <summary>
/// The digests of one send run. Readers with the same page (see DigestRenderer.PageKey) share one (Scriban and CSS inlining
/// once); each reader costs signing their links and filling them in. Thread-safe: renderers call it in parallel.
/// </summary>
public sealed class DigestPages
{
    // Enough for every distinct page of a large mixed list, bounded so a list of all-different pages cannot hold them all.
    private const int PagesKept = 512;
    private readonly ConcurrentDictionary<string, DigestPage> _pages = new(StringComparer.Ordinal);
    private readonly DigestRenderer _renderer;
    private readonly SiteLinks _links;
    private readonly DigestMetrics _metrics;

    internal DigestPages(DigestRenderer renderer, SiteLinks links, DigestMetrics metrics)
    {
        _renderer = renderer;
        _links = links;
        _metrics = metrics;
    }

    /// <summary>
    /// Renders a page nobody gets. The first render of a process loads the template engine and the CSS inliner (a third
    /// of a second); done while the subscribers are being selected, that is off the first message's path.
    /// </summary>
    public void WarmUp() => _renderer.Page(new Subscriber(), DateOnly.MinValue, []);

    public RenderedDigest Render(Subscriber subscriber, DateOnly edition, IReadOnlyList<Pick> papers)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var key = _renderer.PageKey(subscriber, edition, papers);
        if (!_pages.TryGetValue(key, out var page))
        {
            if (_pages.Count >= PagesKept)
                _pages.Clear();
            page = _pages.GetOrAdd(key, _ => _renderer.Page(subscriber, edition, papers));
        }
        var values = new List<string>(4 + 2 * papers.Count)
        {
            subscriber.Email,
            _links.Preferences(subscriber.Id),
            _links.Unsubscribe(subscriber.Id),
            // "View in browser" opens this reader's edition as sent; a note with no papers points at everyone's edition.
            papers.Count > 0 ? _links.Edition(subscriber.Id, edition) : _links.Archive(edition),
        };
        foreach (var pick in papers)
        {
            values.Add(_links.Feedback(subscriber.Id, pick.Paper.ArxivId, more: true));
            values.Add(_links.Feedback(subscriber.Id, pick.Paper.ArxivId, more: false));
        }
        var digest = page.Fill(values);
        _metrics.Rendered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return digest;
    }
}

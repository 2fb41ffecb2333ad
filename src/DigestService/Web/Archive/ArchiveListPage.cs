using System.Globalization;
using DigestService.Store;

namespace DigestService.Web.Archive;

/// <summary>One edition as the archive lists it: the path of its page and its date written out.</summary>
public sealed record ArchiveEntry(string Path, string Date);

/// <summary>
/// <c>GET /archive</c>: every edition (each day with a listing), newest first, <see cref="PageSize"/> to a page
/// (<c>?page=2</c> for older ones), each linking to its <c>/archive/{date}</c> page, with the RSS feed beside.
/// </summary>
public static class ArchiveListPage
{
    public const int PageSize = 30;

    public static async Task<IResult> RenderAsync(string? page, EditionStore store, WebPages pages, CancellationToken cancellationToken)
    {
        // One more than a page is read, to know whether an older page exists without counting them all.
        var number = PageNumber(page);
        var days = number is null ? [] : await store.ListingDaysAsync(PageSize + 1, (number.Value - 1L) * PageSize, cancellationToken);
        if (number is null || (days.Count == 0 && number > 1))
        {
            return pages.Message("No such page", "There is no such page of the archive: it has fewer editions than that.",
                StatusCodes.Status404NotFound, new PageLink("/archive", "See the newest editions"));
        }
        return pages.Page("archive-list", number == 1 ? "Archive" : $"Archive, page {number}", new
        {
            Editions = days.Take(PageSize)
                .Select(day => new ArchiveEntry($"/archive/{Iso.Date(day)}", day.ToString(ArchiveEndpoints.LongDate, CultureInfo.InvariantCulture)))
                .ToList(),
            NewerPath = number switch { 1 => "", 2 => "/archive", _ => $"/archive?page={number - 1}" },
            OlderPath = days.Count > PageSize ? $"/archive?page={number + 1}" : "",
        });
    }

    /// <summary>1 when absent; null when not a whole number from 1 up.</summary>
    private static int? PageNumber(string? page) =>
        string.IsNullOrEmpty(page) ? 1
        : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number
        : null;
}

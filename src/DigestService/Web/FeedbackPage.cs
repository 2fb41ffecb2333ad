using DigestService.Digest;
using DigestService.Links;
using DigestService.Store;

namespace DigestService.Web;

/// <summary>
/// <c>GET /feedback/{token}</c> ("More like this" / "Less like this" under each paper of a digest) shows the paper and
/// one button and changes nothing (mail scanners follow links); <c>POST</c> records the rating, idempotently, and says
/// what changes. The token is signed for the reader, the paper and the direction; anything else gets the plain 404.
/// </summary>
public sealed class FeedbackPage(WebPages pages, Forms forms, SiteLinks links, ProfileStore profiles, SignedLinkResolver resolver)
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods("/feedback/{token}", [HttpMethods.Get, HttpMethods.Head], (string token, HttpContext context, FeedbackPage page) =>
            page.HandleAsync(token, context, post: false));
        app.MapPost("/feedback/{token}", (string token, HttpContext context, FeedbackPage page) =>
            page.HandleAsync(token, context, post: true));
    }

    private async Task<IResult> HandleAsync(string token, HttpContext context, bool post)
    {
        if (await resolver.FindWithSubjectAsync(TokenPurpose.Feedback, token, context.RequestAborted) is not var (subscriber, subject)
            || SiteLinks.ParseFeedback(subject) is not var (arxivId, more)
            || await profiles.PaperAsync(arxivId, context.RequestAborted) is not { } paper)
            return pages.LinkNotFound();
        if (!post)
            return Render(context, subscriber, paper, more, recorded: false, error: null);
        var form = await forms.ReadAsync(context, checkAntiforgery: true);
        if (form.Status == FormStatus.TooLarge)
            return pages.TooLarge();
        if (form.Status != FormStatus.Read)
            return Render(context, subscriber, paper, more, recorded: false, "This page was open too long or came from elsewhere. Please press the button again.");
        await profiles.RateAsync(subscriber.Id, paper.ArxivId, more ? 1 : -1, context.RequestAborted);
        return Render(context, subscriber, paper, more, recorded: true, error: null);
    }

    private IResult Render(HttpContext context, Subscriber subscriber, StoredPaper paper, bool more, bool recorded, string? error)
    {
        var view = PaperView.From(paper);
        var title = recorded ? "Thanks, noted" : more ? "More like this?" : "Less like this?";
        return pages.Page("feedback", title, new
        {
            More = more,
            Recorded = recorded,
            Paper = view,
            Change = more ? "Papers like this will rank higher in your digest." : "Papers like this will rank lower in your digest, and near copies of it will not be sent.",
            PreferencesPath = links.PreferencesPath(subscriber.Id),
            Error = error,
            FormToken = forms.Token(context),
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

using System.Text;
using DigestService.Config;
using Microsoft.Extensions.Options;
using Scriban.Runtime;
using DigestService.Templates;

namespace DigestService.Web;

/// <summary>A link shown under a message.</summary>
public sealed record PageLink(string Url, string Label);

/// <summary>Renders the pages of templates/web inside their layout as HTML results; every value they show is escaped.</summary>
public sealed class WebPages(TemplateCatalog templates, IOptions<SiteOptions> site)
{
    public IResult Page(string page, string title, object model, int statusCode = StatusCodes.Status200OK)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals["title"] = title;
        globals["site_name"] = site.Value.Name;
        var html = templates.Render($"web/{page}.html", globals);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public IResult Message(string title, string text, int statusCode = StatusCodes.Status200OK, PageLink? link = null) =>
        Page("message", title, new { Text = text, Link = link }, statusCode);

    /// <summary>The answer to every forged, tampered, truncated or expired link: a plain 404 that tells nothing more.</summary>
    public IResult LinkNotFound() =>
        Message("This link does not work",
            "It may be mistyped, cut short or out of date. Confirmation links work once and for a limited time; sign up again to get a new one.",
            StatusCodes.Status404NotFound, new PageLink("/", "Go to the sign-up page"));

    public IResult TooLarge() =>
        Message("That was too much text", $"Forms here take at most {PostedForm.MaxBytes / 1024} KB. Go back, shorten what you typed and send it again.",
            StatusCodes.Status413PayloadTooLarge);
}

using System.Net;
using Scriban;
using Scriban.Parsing;

namespace DigestService.Templates;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes (Scriban does not escape by itself);
/// only <see cref="RawHtml"/> passes through. Literal template text is written by another overload and stays as is.
/// </summary>
public sealed class HtmlEscapingContext : TemplateContext
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        RawHtml raw => Write(raw.Value),
        _ => Write(WebUtility.HtmlEncode(ObjectToString(textAsObject))),
    };
}

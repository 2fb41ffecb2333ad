using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace DigestService.Web;

/// <summary>
/// Reading a posted form with a size cap: up to <see cref="PostedForm.MaxBytes"/> is read whole, so a bad value gets its
/// own 400 with a message rather than a bare 413. A body that is not a form (JSON, text) gets 415, a garbled one (a
/// multipart body without its boundary, or cut off) 400, so no route acts on half a form. With antiforgery on, the
/// hidden token must match the cookie.
/// </summary>
public sealed class Forms(IAntiforgery antiforgery)
{
    public async Task<PostedForm> ReadAsync(HttpContext context, bool checkAntiforgery, int maxBytes = PostedForm.MaxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
            return new PostedForm(FormStatus.TooLarge, FormCollection.Empty);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        // No body at all (no content type) is an empty form; a body of another type is refused.
        if (!context.Request.HasFormContentType && context.Request.ContentType is not null)
            return new PostedForm(FormStatus.NotAForm, FormCollection.Empty);
        IFormCollection fields;
        try
        {
            fields = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        }
        catch (InvalidDataException e) when (e.InnerException is InvalidOperationException)
        {
            // The form reader wraps the URL decoder's refusal of an escaped NUL or a bad escape: bad input, not too much of it.
            return new PostedForm(FormStatus.Unreadable, FormCollection.Empty);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
        {
            // The body size cap, and the form reader's limits (too many fields, too long a key or value).
            return new PostedForm(FormStatus.TooLarge, FormCollection.Empty);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A multipart body without its boundary, or one that ends mid-part.
            return new PostedForm(FormStatus.Malformed, FormCollection.Empty);
        }
        if (checkAntiforgery && !await antiforgery.IsRequestValidAsync(context))
            return new PostedForm(FormStatus.AntiforgeryFailed, fields);
        return new PostedForm(FormStatus.Read, fields);
    }

    /// <summary>The hidden field (and its cookie) a page's form sends back.</summary>
    public FormToken Token(HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken!);
    }
}

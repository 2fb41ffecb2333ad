using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace DigestService.Web;

public enum FormStatus { Read, TooLarge, NotAForm, Malformed, Unreadable, AntiforgeryFailed }

/// <summary>
/// A form body read with a size cap: up to <see cref="MaxBytes"/> is read whole, so a bad value gets its own 400
/// with a message rather than a bare 413. A body that is not a form (JSON, text) gets 415, a garbled one (a multipart
/// body without its boundary, or cut off) 400, so no route acts on half a form. With antiforgery on, the hidden token
/// must match the cookie.
/// </summary>
public sealed record PostedForm(FormStatus Status, IFormCollection Fields)
{
    public const int MaxBytes = 16 * 1024;

    /// <summary>What a page says about an <see cref="FormStatus.Unreadable"/> form, before telling what to do.</summary>
    public const string UnreadableMessage = "Something you sent contains a character that cannot be read, such as a NUL byte";

    public string Value(string name) => Fields[name].ToString();

    public IReadOnlyList<string> Values(string name) => Fields[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    public static async Task<PostedForm> ReadAsync(HttpContext context, bool checkAntiforgery)
    {
        if (context.Request.ContentLength > MaxBytes)
            return new(FormStatus.TooLarge, FormCollection.Empty);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBytes;
        // No body at all (no content type) is an empty form; a body of another type is refused.
        if (!context.Request.HasFormContentType && context.Request.ContentType is not null)
            return new(FormStatus.NotAForm, FormCollection.Empty);
        IFormCollection fields;
        try
        {
            fields = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        }
        catch (InvalidDataException e) when (e.InnerException is InvalidOperationException)
        {
            // The form reader wraps the URL decoder's refusal of an escaped NUL or a bad escape: bad input, not too much of it.
            return new(FormStatus.Unreadable, FormCollection.Empty);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
        {
            // The body size cap, and the form reader's limits (too many fields, too long a key or value).
            return new(FormStatus.TooLarge, FormCollection.Empty);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A multipart body without its boundary, or one that ends mid-part.
            return new(FormStatus.Malformed, FormCollection.Empty);
        }
        if (checkAntiforgery && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            return new(FormStatus.AntiforgeryFailed, fields);
        return new(FormStatus.Read, fields);
    }

    /// <summary>The answer to a body no route can act on (too large, not a form, garbled); null when the route reads on.</summary>
    public IResult? Refusal(WebPages pages) => Status switch
    {
        FormStatus.TooLarge => pages.TooLarge(),
        FormStatus.NotAForm => pages.Message("Please use the form",
            "This address takes what you send only as a web form (application/x-www-form-urlencoded or multipart/form-data).",
            StatusCodes.Status415UnsupportedMediaType),
        FormStatus.Malformed => pages.Message("The form could not be read",
            "What arrived was not a whole form, so nothing was changed. Go back and send it again.", StatusCodes.Status400BadRequest),
        _ => null,
    };
}

/// <summary>The hidden antiforgery field a page puts in its forms.</summary>
public sealed record FormToken(string FieldName, string Value)
{
    public static FormToken For(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken!);
    }
}

namespace DigestService.Web;

public enum FormStatus { Read, TooLarge, NotAForm, Malformed, Unreadable, AntiforgeryFailed }

/// <summary>A form body as <see cref="Forms"/> read it: whether it could be read, and its fields.</summary>
public sealed record PostedForm(FormStatus Status, IFormCollection Fields)
{
    public const int MaxBytes = 16 * 1024;

    /// <summary>What a page says about an <see cref="FormStatus.Unreadable"/> form, before telling what to do.</summary>
    public const string UnreadableMessage = "Something you sent contains a character that cannot be read, such as a NUL byte";

    public string Value(string name) => Fields[name].ToString();

    public IReadOnlyList<string> Values(string name) => Fields[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

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
public sealed record FormToken(string FieldName, string Value);

namespace DigestService.Templates;

/// <summary>Markup the service produced itself (a rendered body inside its layout): written without escaping.</summary>
public sealed record RawHtml(string Value)
{
    public override string ToString() => Value;
}

namespace DigestService.Config;

/// <summary>DKIM signing; off unless all three keys are set.</summary>
public sealed class DkimOptions : ISelfValidatingOptions
{
    /// <summary>The signing domain (d=), normally the domain of Smtp:From.</summary>
    public string Domain { get; set; } = "";

    /// <summary>The selector (s=): the public key is published at SELECTOR._domainkey.DOMAIN.</summary>
    public string Selector { get; set; } = "";

    /// <summary>A PEM file with the RSA private key; relative paths are read from the content root.</summary>
    public string PrivateKeyFile { get; set; } = "";

    public bool Enabled => Domain.Length > 0 || Selector.Length > 0 || PrivateKeyFile.Length > 0;

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
            yield break;
        if (string.IsNullOrWhiteSpace(Domain))
            yield return "Dkim:Domain must be set when DKIM signing is configured.";
        if (string.IsNullOrWhiteSpace(Selector))
            yield return "Dkim:Selector must be set when DKIM signing is configured.";
        if (string.IsNullOrWhiteSpace(PrivateKeyFile))
            yield return "Dkim:PrivateKeyFile must be set when DKIM signing is configured.";
    }
}

namespace DigestService.Config;

/// <summary>An options section that lists its own errors, each naming the configuration key to fix.</summary>
public interface ISelfValidatingOptions
{
    IEnumerable<string> Validate();
}

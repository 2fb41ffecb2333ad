using DigestService.Addresses;

namespace DigestService.Cli;

/// <summary>An address given on the command line, checked by the one validator the web and imports use too.</summary>
public static class CliAddress
{
    public static string Check(string input) => AddressValidator.Validate(input) switch
    {
        { Address: { } address } => address,
        var (_, problem) => throw new UsageException($"'{input}': {problem}"),
    };
}

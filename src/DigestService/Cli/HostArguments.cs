namespace DigestService.Cli;

/// <summary>
/// The arguments that configure the host rather than the verb — <c>--Section:Key=value</c> overrides, <c>--urls</c>,
/// <c>--environment</c>, <c>--contentRoot</c> (with their value or <c>=value</c>) — split from the verb's own.
/// </summary>
public static class HostArguments
{
    private static readonly string[] HostOptions = ["--urls", "--environment", "--contentRoot"];

    public static (string[] Host, string[] Verb) Split(IReadOnlyList<string> args)
    {
        List<string> host = [], verb = [];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=') && arg.IndexOf(':') is > 2 and var colon && colon < arg.IndexOf('='))
                host.Add(arg);
            else if (HostOptions.Any(option => arg.StartsWith(option + "=", StringComparison.Ordinal)))
                host.Add(arg);
            else if (HostOptions.Contains(arg))
                host.AddRange([arg, i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value")]);
            else
                verb.Add(arg);
        }
        return ([.. host], [.. verb]);
    }
}

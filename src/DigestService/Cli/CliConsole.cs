namespace DigestService.Cli;

/// <summary>Where a verb writes: its output lines, and its failures (one line each) on the error stream.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DigestService.Cli;

/// <summary>
/// The command line as System.CommandLine parses it: every verb of <see cref="Verbs"/> under its group, per-verb
/// <c>--help</c> with examples, and a global <c>--verbose</c>. No verb word means <c>serve</c>.
/// </summary>
public static class CommandTree
{
    public const string Verbose = "--verbose";

    /// <param name="run">Runs a verb once its command line parsed without error.</param>
    public static Command Build(Func<VerbEntry, ParseResult, CancellationToken, Task<int>> run)
    {
        var root = new Command("DigestService", "Emails people the trending research papers of their topics. With no verb: serve.")
        {
            new Option<bool>(Verbose) { Description = "Show the service's logs on stderr (verbs other than serve are quiet by default).", Recursive = true },
        };
        var help = new HelpOption();
        var examples = new Dictionary<Command, IReadOnlyList<string>>();
        help.Action = new HelpWithExamples((HelpAction)help.Action!, examples);
        root.Add(help);
        var groups = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var verb in Verbs.All)
        {
            var command = verb.Define();
            command.SetAction((parsed, cancellationToken) => run(verb, parsed, cancellationToken));
            examples[command] = verb.Examples;
            if (verb.Handler == typeof(ServeVerb))
                root.SetAction((parsed, cancellationToken) => run(verb, parsed, cancellationToken));
            if (verb.Group is not { } group)
                root.Add(command);
            else
            {
                if (!groups.TryGetValue(group, out var parent))
                    root.Add(groups[group] = parent = new Command(group, Verbs.Groups[group]));
                parent.Add(command);
            }
        }
        return root;
    }

    /// <summary>What is wrong with a command line that did not parse, in one line and in the words operators know.</summary>
    public static string Problem(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        if (parsed.UnmatchedTokens.FirstOrDefault() is { } unmatched)
        {
            if (unmatched.StartsWith('-'))
                return $"'{Path(parsed)}' does not take {unmatched}";
            if (command.Parents.FirstOrDefault() is null)
                return $"unknown verb '{unmatched}'";
            return command.Subcommands.Count > 0
                ? $"unknown subcommand '{Path(parsed)} {unmatched}' ({string.Join(", ", command.Subcommands.Select(c => c.Name))})"
                : $"unexpected argument '{unmatched}'";
        }
        if (command.Subcommands.Count > 0 && command.Action is null)
            return $"missing a subcommand: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        return parsed.Errors[0].Message;
    }

    private static string Path(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>The usual help, then the verb's example command lines.</summary>
    private sealed class HelpWithExamples(HelpAction help, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            if (examples.GetValueOrDefault(parseResult.CommandResult.Command) is { Count: > 0 } lines)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines)
                    output.WriteLine("  " + line);
                output.WriteLine();
            }
            return code;
        }
    }
}

using DigestService.Config;
using DigestService.Delivery;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Cli;

/// <summary><c>subscribers add|import|list|remove|unsuppress</c>.</summary>
public static class SubscribersCommand
{
    public static Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<SubscriberStore>();
        var catalog = services.GetRequiredService<IOptions<TopicCatalogOptions>>().Value;
        return args.Word(1, "a subcommand: add, import, list, remove or unsuppress") switch
        {
            "add" => AddAsync(args, store, catalog, output, error, cancellationToken),
            "import" => ImportAsync(args, store, catalog, output, error, cancellationToken),
            "list" => ListAsync(args, store, output, cancellationToken),
            "remove" => RemoveAsync(args, store, output, error, cancellationToken),
            "unsuppress" => UnsuppressCommand.RunAsync(args, services, output, error, cancellationToken),
            var other => throw new UsageException($"unknown subcommand 'subscribers {other}' (add, import, list, remove, unsuppress)"),
        };
    }

    private static async Task<int> AddAsync(Arguments args, SubscriberStore store, TopicCatalogOptions catalog, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        args.Allow(3, "confirmed", "topics", "keywords", "timezone", "hour", "frequency", "max-papers", "weekday");
        var email = Address(args.Word(2, "the email address"));
        var fields = new SubscriberFields(args.Option("topics"), args.Option("keywords"), args.Option("timezone"), args.Option("hour"),
            args.Option("frequency"), args.Option("weekday"), args.Option("max-papers"));
        var (change, problem) = fields.Check(email, args.Has("confirmed") ? SubscriberStatus.Active : null, catalog, column => "--" + column.Replace('_', '-'));
        if (change is null)
            throw new UsageException(problem!);
        var result = (await store.UpsertAsync([change], new ChangeCause(ChangeSource.Cli, "subscribers add"), cancellationToken))[0];
        if (result.Suppression is { } suppression)
        {
            await error.WriteLineAsync(suppression.Refusal(email));
            return 1;
        }
        await output.WriteLineAsync($"{result.Email}: {result.Status}");
        return 0;
    }

    /// <summary>Rows written per transaction: each batch checks suppression and writes in the same transaction.</summary>
    private const int ImportBatch = 1000;

    private static async Task<int> ImportAsync(Arguments args, SubscriberStore store, TopicCatalogOptions catalog, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        args.Allow(3, "confirmed");
        var path = args.Word(2, "the file to import");
        if (!File.Exists(path))
            throw new UsageException($"no such file: {path}");
        var status = args.Has("confirmed") ? SubscriberStatus.Active : null;
        var cause = new ChangeCause(ChangeSource.Cli, $"subscribers import {Path.GetFileName(path)}");
        int imported = 0, updated = 0, refused = 0;
        var batch = new List<SubscriberChange>(ImportBatch);
        await foreach (var row in SubscriberCsv.ReadAsync(path, cancellationToken))
        {
            var (address, problem) = row.Error is null ? AddressValidator.Validate(row.Email) : (null, row.Error);
            var (change, fieldProblem) = address is null ? (null, problem) : row.Fields.Check(address, status, catalog, column => column);
            if (change is null)
            {
                refused++;
                await error.WriteLineAsync($"{path}:{row.Line}: {fieldProblem}");
                continue;
            }
            batch.Add(change);
            if (batch.Count == ImportBatch)
                await FlushAsync();
        }
        await FlushAsync();
        await output.WriteLineAsync($"imported {imported}, updated {updated}, refused {refused}");
        return 0;

        async Task FlushAsync()
        {
            if (batch.Count == 0)
                return;
            foreach (var result in await store.UpsertAsync(batch, cause, cancellationToken))
            {
                switch (result.Kind)
                {
                    case UpsertKind.Imported: imported++; break;
                    case UpsertKind.Updated: updated++; break;
                    default:
                        refused++;
                        await error.WriteLineAsync(result.Suppression!.Refusal(result.Email));
                        break;
                }
            }
            batch.Clear();
        }
    }

    private static async Task<int> ListAsync(Arguments args, SubscriberStore store, TextWriter output, CancellationToken cancellationToken)
    {
        args.Allow(2);
        foreach (var s in await store.ListAsync(cancellationToken))
            await output.WriteLineAsync($"{s.Email}\t{s.Status}\ttopics={s.Topics}\tkeywords={s.Keywords}\t{s.TimeZone}\t{s.DeliveryHour:00}:00\t{s.Frequency}");
        return 0;
    }

    private static async Task<int> RemoveAsync(Arguments args, SubscriberStore store, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        args.Allow(3);
        var email = args.Word(2, "the email address");
        if (!await store.RemoveAsync(email.Trim(), cancellationToken))
        {
            await error.WriteLineAsync($"subscribers remove: no subscriber {email}");
            return 1;
        }
        await output.WriteLineAsync($"{email}: removed");
        return 0;
    }

    public static string Address(string input) => AddressValidator.Validate(input) switch
    {
        { Address: { } address } => address,
        var (_, problem) => throw new UsageException($"'{input}': {problem}"),
    };
}

using DigestService.Addresses;
using DigestService.Config;
using DigestService.Delivery;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Cli;

/// <summary><c>subscribers add|import|list|remove</c>.</summary>
public static class SubscribersCommand
{
    public static Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<SubscriberStore>();
        return args.Word(1, "a subcommand: add, import, list or remove") switch
        {
            "add" => AddAsync(args, store, services.GetRequiredService<IOptions<TopicCatalogOptions>>().Value, output, cancellationToken),
            "import" => ImportAsync(args, store, output, error, cancellationToken),
            "list" => ListAsync(args, store, output, cancellationToken),
            "remove" => RemoveAsync(args, store, output, error, cancellationToken),
            var other => throw new UsageException($"unknown subcommand 'subscribers {other}' (add, import, list, remove)"),
        };
    }

    private static async Task<int> AddAsync(Arguments args, SubscriberStore store, TopicCatalogOptions catalog, TextWriter output, CancellationToken cancellationToken)
    {
        args.Allow(3, "confirmed", "topics", "keywords", "timezone", "hour", "frequency", "max-papers", "weekday");
        var email = Address(args.Word(2, "the email address"));
        var timeZone = args.Option("timezone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            throw new UsageException($"--timezone must be an IANA time zone such as Europe/Paris, got '{timeZone}'");
        var frequency = args.Option("frequency");
        if (frequency is not null and not ("daily" or "weekly"))
            throw new UsageException($"--frequency must be daily or weekly, got '{frequency}'");
        var topics = List(args.Option("topics"));
        if (topics?.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(key => catalog.Find(key) is null) is { } unknown)
            throw new UsageException($"--topics: no topic '{unknown}' in the catalog (known: {string.Join(", ", catalog.Topics.Select(t => t.Key))})");
        var change = new SubscriberChange(email)
        {
            Status = args.Has("confirmed") ? SubscriberStatus.Active : null,
            Topics = topics,
            Keywords = List(args.Option("keywords")),
            TimeZone = timeZone,
            DeliveryHour = args.Int("hour", 0, 23),
            Frequency = frequency,
            WeeklyDay = args.Int("weekday", 0, 6),
            MaxPapers = args.Int("max-papers", 1, 100),
        };
        var id = await store.UpsertAsync(change, cancellationToken);
        var saved = await store.FindByIdAsync(id, cancellationToken);
        await output.WriteLineAsync($"{saved!.Email}: {saved.Status}");
        return 0;
    }

    private static async Task<int> ImportAsync(Arguments args, SubscriberStore store, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        args.Allow(3, "confirmed");
        var path = args.Word(2, "the file to import");
        if (!File.Exists(path))
            throw new UsageException($"no such file: {path}");
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var column = 0;
        var start = 0;
        if (lines.Length > 0 && lines[0].Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList() is var header && header.Contains("email"))
        {
            column = header.IndexOf("email");
            start = 1;
        }
        int added = 0, refused = 0;
        for (var i = start; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var cells = lines[i].Split(',');
            var (address, problem) = AddressCanonicalizer.Canonicalize(column < cells.Length ? cells[column].Trim().Trim('"') : "");
            if (address is null)
            {
                refused++;
                await error.WriteLineAsync($"{path}:{i + 1}: {problem}");
                continue;
            }
            // Re-importing an old list must not undo anyone's unsubscribe or a hard bounce.
            if (await store.FindByEmailAsync(address, cancellationToken) is { Status: SubscriberStatus.Unsubscribed or SubscriberStatus.Bounced } left)
            {
                refused++;
                await error.WriteLineAsync($"{path}:{i + 1}: {address} is {left.Status}; only they can subscribe again");
                continue;
            }
            await store.UpsertAsync(new SubscriberChange(address) { Status = args.Has("confirmed") ? SubscriberStatus.Active : null }, cancellationToken);
            added++;
        }
        await output.WriteLineAsync($"imported {added}, refused {refused}");
        return 0;
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
        // Any spelling finds the subscriber; an address stored before canonical forms is still found as typed.
        if (!await store.RemoveAsync(AddressCanonicalizer.Canonicalize(email).Address ?? email.Trim(), cancellationToken))
        {
            await error.WriteLineAsync($"subscribers remove: no subscriber {email}");
            return 1;
        }
        await output.WriteLineAsync($"{email}: removed");
        return 0;
    }

    private static string Address(string input) => AddressCanonicalizer.Canonicalize(input) switch
    {
        { Address: { } address } => address,
        var (_, problem) => throw new UsageException($"'{input}': {problem}"),
    };

    private static string? List(string? text) =>
        text is null ? null : string.Join(",", text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

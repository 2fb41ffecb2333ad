using DigestService.Store;

namespace DigestService.Feed;

/// <summary>The outcome for one source: its counts, or the one-line reason it failed; <see cref="ToString"/> is the CLI line.</summary>
public sealed record SourceResult(string Name, UpsertCounts Counts, int Skipped, int Unchanged, IReadOnlyList<string> Errors, bool Failed)
{
    public static SourceResult Failure(string name, IReadOnlyList<string> errors) => new(name, new UpsertCounts(0, 0, 0), 0, 0, errors, Failed: true);

    public override string ToString()
    {
        if (Failed)
            return $"{Name}: error: {FirstError}";
        var line = $"{Name}: fetched {Counts.Fetched}, new {Counts.New}, updated {Counts.Updated}, skipped {Skipped}, unchanged {Unchanged}, errors {Errors.Count}";
        return Errors.Count == 0 ? line : $"{line} (first: {Errors[0]})";
    }

    private string FirstError => Errors.Count > 1 ? $"{Errors[0]} (and {Errors.Count - 1} more)" : Errors[0];
}

using DigestService.Papers;
using DigestService.Store;

namespace DigestService.Digest;

/// <summary>The candidates of an edition by author (<see cref="AuthorName.Key"/>), to find a reader's followed authors' papers.</summary>
public sealed class FollowedAuthors
{
    public static readonly IReadOnlyDictionary<int, string> None = new Dictionary<int, string>();
    private readonly Dictionary<string, List<int>> _papersByAuthor = new(StringComparer.Ordinal);

    public FollowedAuthors(IReadOnlyList<StoredPaper> candidates)
    {
        for (var c = 0; c < candidates.Count; c++)
        {
            foreach (var name in candidates[c].AuthorNames)
            {
                if (AuthorName.Key(name) is { } key)
                {
                    if (!_papersByAuthor.TryGetValue(key, out var papers))
                        _papersByAuthor[key] = papers = [];
                    papers.Add(c);
                }
            }
        }
    }

    /// <summary>The candidates by any of <paramref name="names"/>, each with the first followed name (as the reader wrote it) that wrote it.</summary>
    public IReadOnlyDictionary<int, string> Followed(IReadOnlyList<string> names)
    {
        Dictionary<int, string>? papers = null;
        foreach (var name in names)
        {
            if (AuthorName.Key(name) is { } key && _papersByAuthor.TryGetValue(key, out var written))
            {
                papers ??= [];
                foreach (var c in written)
                    papers.TryAdd(c, name);
            }
        }
        return papers ?? None;
    }
}

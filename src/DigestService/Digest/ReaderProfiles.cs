using DigestService.Store;

namespace DigestService.Digest;

/// <summary>One paper a reader rated (+1 "more", −1 "less") or seeded from their library (+1), by its key.</summary>
public readonly record struct ProfileItem(string Key, int Weight);

/// <summary>
/// Every active reader's rated and seeded papers, read once per send run, and each such paper's term vector, worked
/// out once however many readers rated it.
/// </summary>
public sealed class ReaderProfiles
{
    /// <summary>A rated paper is learned from by its heaviest terms only: the rest is mostly noise and costs time.</summary>
    public const int TermsKept = 40;

    private readonly Dictionary<long, ProfileItem[]> _bySubscriber;
    private readonly Dictionary<string, (string Title, TermVector Vector)> _papers;

    private ReaderProfiles(TermSpace terms, Dictionary<long, ProfileItem[]> bySubscriber, Dictionary<string, (string, TermVector)> papers)
    {
        Terms = terms;
        _bySubscriber = bySubscriber;
        _papers = papers;
    }

    public TermSpace Terms { get; }

    public static async Task<ReaderProfiles> LoadAsync(ProfileStore store, CancellationToken cancellationToken)
    {
        var (counts, documents) = await store.TermDocumentCountsAsync(cancellationToken);
        var terms = new TermSpace(counts, documents);
        var papers = new Dictionary<string, (string, TermVector)>(StringComparer.Ordinal);
        foreach (var text in await store.PaperTextsAsync(cancellationToken))
        {
            var paper = new StoredPaper { Title = text.Title, Abstract = text.Abstract, AiKeywords = text.AiKeywords };
            papers[text.ArxivId] = (text.Title, terms.Vector(paper, TermsKept));
        }
        var bySubscriber = new Dictionary<long, ProfileItem[]>();
        var items = new List<ProfileItem>();
        var current = -1L;
        void Flush()
        {
            if (items.Count > 0)
                bySubscriber[current] = [.. items];
            items.Clear();
        }
        await store.ReadRowsAsync(row =>
        {
            if (row.SubscriberId != current)
            {
                Flush();
                current = row.SubscriberId;
            }
            if (row.Title is { } title && !papers.ContainsKey(row.PaperKey))
                papers[row.PaperKey] = (title, terms.Vector(title, "", row.Body ?? "", TermsKept));
            if (papers.ContainsKey(row.PaperKey))
                items.Add(new ProfileItem(row.PaperKey, row.Weight));
        }, cancellationToken);
        Flush();
        return new ReaderProfiles(terms, bySubscriber, papers);
    }

    /// <summary>What the reader rated or seeded; empty for a reader who taught nothing yet.</summary>
    public ProfileItem[] For(long subscriberId) => _bySubscriber.GetValueOrDefault(subscriberId) ?? [];

    public TermVector VectorOf(string key) => _papers[key].Vector;

    public string TitleOf(string key) => _papers[key].Title;
}

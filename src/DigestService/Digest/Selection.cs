using System.Collections;
using DigestService.Store;

namespace DigestService.Digest;

/// <summary>
/// The papers picked for one reader, best first. Each <see cref="Pick"/> (the paper and why it is there) is put together
/// when read, from what the selection session already holds, so a send run that selects for 100,000 readers pays for
/// Why lines only as their digests are rendered.
/// </summary>
public sealed class Selection(
    StoredPaper[] candidates, List<int> picked, WhyLabels labels, IReadOnlyDictionary<int, string> followed, ProfileItem[] profile, ProfileMatcher? matcher)
    : IReadOnlyList<Pick>
{
    public int Count => picked.Count;

    public Pick this[int index]
    {
        get
        {
            var candidate = picked[index];
            var paper = candidates[candidate];
            return new Pick(paper, new Why(labels.Labels, labels.MatchesOf(candidate), followed.GetValueOrDefault(candidate),
                matcher?.ClosestLiked(profile, candidate), paper.Upvotes));
        }
    }

    public IEnumerator<Pick> GetEnumerator()
    {
        for (var i = 0; i < picked.Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

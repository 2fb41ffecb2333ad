namespace DigestService.Digest;

/// <summary>
/// How close each candidate of one edition is to each rated paper: cosine similarity of term vectors through an
/// inverted index of the candidates. A rated paper's similarities are worked out once per edition and shared by every
/// reader who rated it, so a reader's learned score is a weighted sum of cached rows (<see cref="Ranking.Learned"/>).
/// </summary>
public sealed class ProfileMatcher
{
    private readonly ReaderProfiles _profiles;
    private readonly List<(int Candidate, float Weight)>?[] _postings;
    private readonly int _candidates;
    private readonly Dictionary<string, float[]> _similarities = new(StringComparer.Ordinal);

    public ProfileMatcher(EditionCandidates candidates, ReaderProfiles profiles)
    {
        _profiles = profiles;
        _candidates = candidates.Papers.Length;
        var vectors = candidates.Papers.Select(p => profiles.Terms.Vector(p)).ToArray();
        _postings = new List<(int, float)>?[profiles.Terms.Count];
        for (var c = 0; c < vectors.Length; c++)
        {
            var vector = vectors[c];
            for (var k = 0; k < vector.Terms.Length; k++)
                (_postings[vector.Terms[k]] ??= []).Add((c, vector.Weights[k]));
        }
    }

    /// <summary>The cosine similarity of every candidate to the rated paper <paramref name="key"/>.</summary>
    public float[] Similarities(string key)
    {
        if (_similarities.TryGetValue(key, out var row))
            return row;
        row = new float[_candidates];
        var vector = _profiles.VectorOf(key);
        for (var k = 0; k < vector.Terms.Length; k++)
        {
            // Terms first seen in rated papers after the candidates were read appear in no candidate.
            if (vector.Terms[k] >= _postings.Length || _postings[vector.Terms[k]] is not { } postings)
                continue;
            var weight = vector.Weights[k];
            foreach (var (candidate, candidateWeight) in postings)
                row[candidate] += weight * candidateWeight;
        }
        return _similarities[key] = row;
    }

    /// <summary>The liked paper most like <paramref name="candidate"/>, if any is alike enough to name in a Why line.</summary>
    public string? ClosestLiked(ProfileItem[] items, int candidate)
    {
        string? closest = null;
        var best = Ranking.LikeNamedFrom;
        foreach (var item in items)
        {
            if (item.Weight > 0 && Similarities(item.Key)[candidate] is var similarity && similarity >= best)
            {
                best = similarity;
                closest = item.Key;
            }
        }
        return closest is null ? null : _profiles.TitleOf(closest);
    }
}

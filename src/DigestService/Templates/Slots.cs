namespace DigestService.Templates;

/// <summary>
/// A text (chars or bytes) rendered once with slot tokens where per-recipient values go, cut at those tokens once so
/// that filling it in is one pass that copies the pieces between. Immutable and thread-safe.
/// </summary>
public sealed class Slots<T> where T : IEquatable<T>
{
    private readonly T[][] _pieces;
    private readonly int[] _slots;

    /// <param name="rendered">The text with its tokens.</param>
    /// <param name="tokens">The slot tokens; a value for token i fills every place it occurs.</param>
    public Slots(ReadOnlySpan<T> rendered, IReadOnlyList<T[]> tokens)
    {
        var pieces = new List<T[]>();
        var slots = new List<int>();
        while (true)
        {
            var (at, slot) = (-1, -1);
            for (var i = 0; i < tokens.Count; i++)
            {
                var found = rendered.IndexOf(tokens[i]);
                if (found >= 0 && (at < 0 || found < at))
                    (at, slot) = (found, i);
            }
            if (at < 0)
                break;
            pieces.Add(rendered[..at].ToArray());
            slots.Add(slot);
            rendered = rendered[(at + tokens[slot].Length)..];
        }
        pieces.Add(rendered.ToArray());
        _pieces = [.. pieces];
        _slots = [.. slots];
    }

    /// <summary>How many places the tokens were found at.</summary>
    public int Count => _slots.Length;

    /// <summary>The text with <paramref name="values"/>[i] wherever token i was.</summary>
    public T[] Fill(IReadOnlyList<T[]> values)
    {
        var length = 0;
        foreach (var piece in _pieces)
            length += piece.Length;
        foreach (var slot in _slots)
            length += values[slot].Length;
        var filled = new T[length];
        var rest = filled.AsSpan();
        for (var i = 0; i < _pieces.Length; i++)
        {
            _pieces[i].CopyTo(rest);
            rest = rest[_pieces[i].Length..];
            if (i < _slots.Length)
            {
                values[_slots[i]].CopyTo(rest);
                rest = rest[values[_slots[i]].Length..];
            }
        }
        return filled;
    }
}

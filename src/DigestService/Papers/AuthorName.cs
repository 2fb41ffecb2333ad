using System.Globalization;
using System.Text;

namespace DigestService.Papers;

/// <summary>
/// Author names compared the way people write them: "Jane Doe", "J. Doe", "JANE DOE", "Jane Q. Doe", "Doe, Jane" and
/// "Jané Doé" are one author. The key is the first name's initial and the family name, lower-cased, accents removed.
/// </summary>
public static class AuthorName
{
    /// <summary>The matching key of <paramref name="name"/>, or null when it holds no letters.</summary>
    public static string? Key(string name)
    {
        // "Family, Given" as BibTeX and some feeds write it.
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
            name = name[(comma + 1)..] + " " + name[..comma];
        var words = Words(name);
        return words.Count switch
        {
            0 => null,
            1 => words[0],
            _ => string.Create(CultureInfo.InvariantCulture, $"{words[0][0]} {words[^1]}"),
        };
    }

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            // A hyphen or apostrophe joins the parts of one name (Jean-Pierre, O'Neil); anything else ends a word.
            if ((c == '-' || c == '\'') && word.Length > 0)
                continue;
            if (word.Length > 0)
                words.Add(word.ToString());
            word.Clear();
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }
}

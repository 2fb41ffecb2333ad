using System.Globalization;
using System.Net;
using System.Text.Json;

namespace DigestService.Tests.Support;

/// <summary>One generated paper: its id, theme and the text the feed gives.</summary>
public sealed record ThemedPaper(string Id, int Theme, string Title, string Abstract, IReadOnlyList<string> Keywords, IReadOnlyList<string> Authors, int Upvotes);

/// <summary>
/// Generated Hugging Face daily lists over several days, each paper of one of a few themes: a theme has its own
/// vocabulary, every paper also uses a shared one (so themes overlap as real fields do), and upvotes are drawn
/// heavy-tailed whatever the theme. Served by a real <see cref="FeedServer"/> as <c>?date=</c> answers.
/// </summary>
public sealed class ThemedFeed
{
    public const int Themes = 5;
    private const int ThemeWords = 40;
    private static readonly string[] Shared =
    [
        "we", "propose", "method", "model", "results", "show", "learning", "data", "approach", "performance", "novel", "framework",
        "training", "evaluation", "benchmark", "based", "using", "large", "state", "art", "improves", "tasks", "study", "analysis",
        "experiments", "demonstrate", "efficient", "robust", "across", "new", "paper", "present", "existing", "significantly",
    ];

    private static readonly string[] Given = ["Ana", "Bruno", "Chen", "Dana", "Emeka", "Fatima", "Goran", "Hana", "Ivan", "Jun", "Kofi", "Lena"];
    private static readonly string[] Family = ["Almeida", "Brandt", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kim", "Li"];

    private readonly Dictionary<DateOnly, List<ThemedPaper>> _days = [];
    private readonly string[][] _vocabulary;
    private readonly Random _random;

    public ThemedFeed(int seed, DateOnly first, int days, int papersPerThemePerDay)
    {
        _random = new Random(seed);
        _vocabulary = Enumerable.Range(0, Themes).Select(t => Enumerable.Range(0, ThemeWords).Select(i => Word(t, i)).ToArray()).ToArray();
        var number = 10000;
        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays(d);
            var papers = new List<ThemedPaper>();
            for (var t = 0; t < Themes; t++)
            {
                for (var p = 0; p < papersPerThemePerDay; p++)
                    papers.Add(Paper($"{day:yyMM}.{number++}", t));
            }
            _days[day] = papers;
        }
    }

    public IReadOnlyList<ThemedPaper> Day(DateOnly day) => _days.GetValueOrDefault(day) ?? [];

    public IEnumerable<ThemedPaper> All => _days.Values.SelectMany(p => p);

    public ThemedPaper Find(string id) => All.Single(p => p.Id == id);

    /// <summary>Adds a paper to a day's list (a followed author's, say).</summary>
    public ThemedPaper Add(DateOnly day, int theme, IReadOnlyList<string> authors, int upvotes)
    {
        var paper = Paper($"{day:yyMM}.{90000 + _days[day].Count}", theme) with { Authors = authors, Upvotes = upvotes };
        _days[day].Add(paper);
        return paper;
    }

    /// <summary>A paper of <paramref name="theme"/> that is in no feed: for a library file.</summary>
    public ThemedPaper Unlisted(int theme) => Paper("", theme);

    /// <summary>Answers the feed server: the list of the requested <c>?date=</c>.</summary>
    public FeedAnswer Answer(HttpListenerRequest request)
    {
        var day = DateOnly.TryParseExact(request.QueryString["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default;
        var items = Day(day).Select(p => new
        {
            paper = new
            {
                id = p.Id,
                title = p.Title,
                summary = p.Abstract,
                upvotes = p.Upvotes,
                authors = p.Authors.Select(a => new { name = a, hidden = false }),
                publishedAt = day.AddDays(-1).ToString("yyyy-MM-dd'T00:00:00.000Z'", CultureInfo.InvariantCulture),
                ai_keywords = p.Keywords,
            },
            title = p.Title,
            numComments = 0,
        });
        return FeedAnswer.Json(JsonSerializer.Serialize(items));
    }

    private ThemedPaper Paper(string id, int theme)
    {
        var words = _vocabulary[theme];
        string Pick() => words[(int)(Math.Pow(_random.NextDouble(), 1.5) * words.Length)];
        string Mixed() => _random.NextDouble() < 0.45 ? Pick() : Shared[_random.Next(Shared.Length)];
        var title = string.Join(' ', Enumerable.Range(0, 7).Select(i => i % 3 == 2 ? Shared[_random.Next(Shared.Length)] : Pick()));
        var summary = string.Join(' ', Enumerable.Range(0, 60).Select(_ => Mixed())) + ".";
        var keywords = Enumerable.Range(0, 3).Select(_ => Pick() + " " + Pick()).ToList();
        var authors = Enumerable.Range(0, 3).Select(_ => $"{Given[_random.Next(Given.Length)]} {Family[_random.Next(Family.Length)]}").ToArray();
        var upvotes = 1 + (int)(Math.Pow(_random.NextDouble(), 3) * 250);
        return new ThemedPaper(id, theme, char.ToUpperInvariant(title[0]) + title[1..], summary, keywords, authors, upvotes);
    }

    // Pronounceable words, different for every theme: "tavo", "kelri"…
    private static string Word(int theme, int index)
    {
        const string Consonants = "bdfgklmnprstvz";
        const string Vowels = "aeiou";
        return string.Concat(
            Consonants[(index * 7 + theme * 3) % Consonants.Length], Vowels[(index + theme) % Vowels.Length],
            Consonants[(index / 5 + theme * 5) % Consonants.Length], Vowels[(index / 3 + theme * 2) % Vowels.Length],
            Consonants[theme % Consonants.Length]) + (char)('a' + theme);
    }
}

using System.Globalization;
using Dapper;
using DigestService.Store;

namespace DigestService.Benchmarks;

/// <summary>
/// A deterministic data set for the selection benchmark: papers listed over the window's days (some re-listed with
/// more votes), a topic catalog, and subscribers split between everyone's list, catalog topics and free keywords, each
/// having already had a few papers of the window. Three in ten have taught their digest: 3 to 8 rated papers of the
/// window (seven in ten "more"), and one in ten of those follows two authors.
/// </summary>
public sealed class GeneratedData(int papers, int subscribers, int days)
{
    private const int Topics = 20;
    private const int KeywordPool = 2_000;
    private const int AlreadySentEach = 5;
    private const int FewestRatings = 3, MostRatings = 8;

    private static readonly string[] Authors = Enumerable.Range(0, 500).Select(i => $"{(char)('A' + i % 26)}. Author{Word(i % 400)}").ToArray();

    private readonly Random _random = new(20260819);
    private readonly string[] _words = Enumerable.Range(0, 400).Select(Word).ToArray();

    public DateOnly Edition { get; } = new(2026, 8, 19);

    /// <summary>Configuration for the app: the window covers every generated listing day, and the generated catalog.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Feed:WindowDays", days.ToString(CultureInfo.InvariantCulture));
        var topicRandom = new Random(7);
        for (var t = 0; t < Topics; t++)
        {
            yield return new($"Topics:{100 + t}:Key", $"topic-{t}");
            yield return new($"Topics:{100 + t}:Label", $"Topic {t}");
            for (var term = 0; term < 4; term++)
                yield return new($"Topics:{100 + t}:Terms:{term}", Phrase(topicRandom, term % 2 + 1));
        }
    }

    public async Task FillAsync(PaperStore paperStore, Database database)
    {
        await paperStore.UpsertAsync(Papers().ToList(), "generated");
        await database.WriteAsync(async (connection, transaction) =>
        {
            var keywords = Enumerable.Range(0, KeywordPool).Select(_ => Phrase(_random, _random.Next(1, 3))).ToArray();
            for (var s = 0; s < subscribers; s++)
            {
                var id = await connection.ExecuteScalarAsync<long>(database.Sql["UpsertSubscriber"], Subscriber(s, keywords), transaction);
                for (var k = 0; k < AlreadySentEach; k++)
                {
                    var paper = PaperId(_random.Next(papers));
                    await connection.ExecuteAsync(database.Sql["InsertSentPaper"], new { SubscriberId = id, ArxivId = paper, Edition = "2026-08-10", Position = k, Why = (string?)null }, transaction);
                }
                if (s % 10 is 0 or 4 or 8)
                {
                    for (var k = _random.Next(FewestRatings, MostRatings + 1); k > 0; k--)
                    {
                        await connection.ExecuteAsync(database.Sql["RatePaper"],
                            new { SubscriberId = id, ArxivId = PaperId(_random.Next(papers)), Weight = _random.NextDouble() < 0.7 ? 1 : -1, Now = "2026-08-10T00:00:00.000Z" }, transaction);
                    }
                    if (s % 100 == 0)
                        await connection.ExecuteAsync(database.Sql["SaveAuthors"], new { Id = id, Authors = $"{Authors[_random.Next(Authors.Length)]}, {Authors[_random.Next(Authors.Length)]}" }, transaction);
                }
            }
            return 0;
        });
    }

    private IEnumerable<FeedPaper> Papers()
    {
        for (var i = 0; i < papers; i++)
        {
            var listed = Edition.AddDays(-(i % days));
            var votes = (int)(Math.Pow(_random.NextDouble(), 3) * 300);
            var paper = new FeedPaper
            {
                ArxivId = PaperId(i),
                Title = Sentence(9),
                Abstract = Sentence(160),
                Authors = [Authors[_random.Next(Authors.Length)], Authors[_random.Next(Authors.Length)]],
                ListedOn = listed,
                Upvotes = votes,
                Comments = votes / 10,
                AiKeywords = Enumerable.Range(0, 5).Select(_ => Phrase(_random, 2)).ToList(),
                PublishedAt = new DateTimeOffset(listed.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            };
            yield return paper;
            // One in twenty is listed again two days later with more votes.
            if (i % 20 == 0 && listed.AddDays(2) <= Edition)
                yield return paper with { ListedOn = listed.AddDays(2), Upvotes = votes + 50 };
        }
    }

    private object Subscriber(int index, string[] keywords)
    {
        var kind = index % 10;
        return new
        {
            Email = $"reader{index}@example.org",
            Status = "active",
            // 3 in 10 take everyone's list, 4 in 10 pick 1 to 3 topics, 3 in 10 write 1 to 3 keywords.
            Topics = kind is >= 3 and < 7 ? string.Join(",", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => $"topic-{_random.Next(Topics)}")) : null,
            Authors = (string?)null,
            Keywords = kind >= 7 ? string.Join(",", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => keywords[_random.Next(keywords.Length)])) : null,
            TimeZone = (string?)null,
            DeliveryHour = (int?)null,
            Frequency = index % 17 == 0 ? FrequencyNames.Of(Frequency.Weekly) : null,
            WeeklyDay = (int?)null,
            MaxPapers = (int?)null,
            DefaultMaxPapers = 10,
            Now = "2026-08-01T00:00:00.000Z",
        };
    }

    private static string PaperId(int index) => $"2608.{10000 + index}";

    private string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => _words[Zipf(_random)]));

    private string Phrase(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => _words[Zipf(random)]));

    // Word frequencies fall off like a natural language's, so some words are everywhere and most are rare.
    private int Zipf(Random random) => (int)Math.Min(_words.Length - 1, Math.Floor(Math.Pow(_words.Length, random.NextDouble())) - 1);

    private static string Word(int index)
    {
        const string Consonants = "bcdfghklmnprstvz";
        const string Vowels = "aeiou";
        return string.Concat(Consonants[index % 16], Vowels[index / 16 % 5], Consonants[index / 80 % 16], Vowels[index % 5]);
    }
}

using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

/// <summary>Text XML forbids (C0 controls but tab, CR, LF; U+FFFE, U+FFFF) never reaches the store.</summary>
public class ForbiddenCharacterTests : FeedServerTest
{
    private const string Day = "2026-08-13";

    [Fact]
    public async Task Characters_XML_forbids_are_removed_from_every_text_field_at_ingest()
    {
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));
        Server.Handler = _ => FeedAnswer.Json("""
            [{"paper":{"id":"2608.00002","title":"Bell\u0007 and\u0001 back\u001Fspace\uFFFE\uFFFF","summary":"Ab\u0000stract \u000B here",
              "authors":[{"name":"Ad\u0002a"}],"ai_summary":"Sum\u0003mary","ai_keywords":["key\u0004word"],
              "githubRepo":"https://github.com/x/\u0005y","projectPage":"https://example.org/\u0006p"}}]
            """);

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(await App.QueryAsync<(string, string, string, string, string, string, string)>(
            "SELECT title, abstract, authors, ai_summary, ai_keywords, github_repo, project_page FROM papers"));
        Assert.Equal(("Bell and backspace", "Abstract here", "Ada", "Summary", "keyword", "https://github.com/x/y", "https://example.org/p"),
            (row.Item1, row.Item2, Strip(row.Item3), row.Item4, Strip(row.Item5), row.Item6, row.Item7));
    }

    // Lists are stored as JSON arrays or comma-joined text; only their characters matter here.
    private static string Strip(string stored) => stored.Trim('[', ']', '"');
}

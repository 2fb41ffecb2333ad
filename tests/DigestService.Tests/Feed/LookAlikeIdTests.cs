using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

/// <summary>arXiv ids are ASCII digits: an id written in other decimal digits is the same paper.</summary>
public class LookAlikeIdTests : FeedServerTest
{
    private const string Day = "2026-08-13";

    [Theory]
    [InlineData("\u0662\u0666\u0660\u0668.\u0661\u0663\u0664\u0668\u0669")] // Arabic-Indic digits
    [InlineData("\u06F2\u06F6\u06F0\u06F8.\u06F1\u06F3\u06F4\u06F8\u06F9")] // Extended Arabic-Indic (Persian) digits
    [InlineData("\uFF12\uFF16\uFF10\uFF18.\uFF11\uFF13\uFF14\uFF18\uFF19")] // full-width digits
    public async Task An_id_written_in_other_digits_is_the_same_paper_not_a_new_one(string lookAlike)
    {
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));
        var id = "2608.13489";
        Server.Handler = _ => FeedAnswer.Json($$$"""[{"paper":{"id":"{{{id}}}","title":"A paper"}}]""");
        await App.RunAsync("ingest", "--date", Day);

        id = lookAlike;
        var again = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("huggingface: fetched 1, new 0, updated 1", again.OutputLines[0]);
        Assert.Equal(["2608.13489"], await App.QueryAsync<string>("SELECT arxiv_id FROM papers"));
    }
}

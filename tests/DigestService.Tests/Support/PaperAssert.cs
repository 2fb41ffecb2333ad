using DigestService.Store;

namespace DigestService.Tests.Support;

public static class PaperAssert
{
    /// <summary>What every parser promises of every paper: a bare id, text with arXiv's hard wraps collapsed, its listing day.</summary>
    public static void Normalised(FeedPaper paper, DateOnly listedOn)
    {
        Assert.Matches(@"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})$", paper.ArxivId);
        Assert.NotEmpty(paper.Title);
        Assert.NotEmpty(paper.Abstract);
        Assert.All((string[])[paper.Title, paper.Abstract], text =>
        {
            Assert.DoesNotContain('\n', text);
            Assert.DoesNotContain("  ", text);
            Assert.Equal(text.Trim(), text);
        });
        Assert.Equal(listedOn, paper.ListedOn);
    }
}

using DigestService.Tests.Support;

namespace DigestService.Tests.Cli;

/// <summary>`subscribers remove` erases as "Delete me" does: the row goes, a keyed hash stays suppressed, and no list brings them back.</summary>
public class SubscribersRemoveTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_removed_subscriber_is_suppressed_so_a_later_confirmed_import_does_not_add_them_back()
    {
        Assert.Equal(0, (await _app.RunAsync("subscribers", "add", "ada@example.org", "--confirmed")).ExitCode);

        var remove = await _app.RunAsync("subscribers", "remove", "Ada@Example.org");

        Assert.Equal(0, remove.ExitCode);
        Assert.Empty(await _app.QueryAsync<string>("SELECT email FROM subscribers"));
        Assert.Equal(["deleted"], await _app.QueryAsync<string>("SELECT reason FROM suppressions"));
        Assert.Empty(await _app.QueryAsync<string>("SELECT address_hash FROM suppressions WHERE address_hash LIKE '%ada%'"));
        var file = Path.Combine(_app.Directory, "list.csv");
        await File.WriteAllTextAsync(file, "email\nada@example.org\n");
        var import = await _app.RunAsync("subscribers", "import", file, "--confirmed");
        Assert.Equal("imported 0, updated 0, refused 1", import.Output.Trim());
        Assert.Empty(await _app.QueryAsync<string>("SELECT email FROM subscribers"));
        Assert.Equal(1, (await _app.RunAsync("subscribers", "remove", "ada@example.org")).ExitCode);
    }
}

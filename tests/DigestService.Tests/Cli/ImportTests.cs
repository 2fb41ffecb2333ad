using DigestService.Config;
using System.Text;
using DigestService.Tests.Support;

namespace DigestService.Tests.Cli;

/// <summary>`subscribers import` of lists as real tools export them (RFC 4180 CSV, a BOM, CRLF, quoted commas).</summary>
public abstract class ImportTests : IDisposable
{
    /// <summary>The database the app runs on; a test class per provider overrides it.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private readonly TestApp _app;

    protected ImportTests() => _app = new TestApp(Provider);

    public void Dispose() => _app.Dispose();

    private async Task<CliResult> ImportAsync(string content, bool bom = true, params string[] options)
    {
        var file = Path.Combine(_app.Directory, "list.csv");
        await File.WriteAllTextAsync(file, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return await _app.RunAsync(["subscribers", "import", file, .. options]);
    }

    private async Task<IReadOnlyList<(string Email, string Status, string Topics, string Keywords, string TimeZone, long Hour, string Frequency, long Weekday, long MaxPapers)>> RowsAsync() =>
        await _app.QueryAsync<(string, string, string, string, string, long, string, long, long)>(
            "SELECT email, status, topics, keywords, time_zone, delivery_hour, frequency, weekly_day, max_papers FROM subscribers ORDER BY email");

    [Fact]
    public async Task A_csv_with_a_bom_crlf_and_quoted_commas_imports_every_row_with_its_columns()
    {
        var csv = "Name,Email,Topics,Keywords,TimeZone,Hour,Frequency,Weekday,Max_Papers\r\n"
            + "\"Lovelace, Ada\",ada@example.org,\"llm,agents\",\"graph neural networks, \"\"world models\"\"\",Europe/London,6,weekly,2,5\r\n"
            + "\"Turing, Alan\",alan@example.net,,,,,,,\r\n"
            + "\"Hopper,\r\nGrace\",grace@example.com,code,,America/New_York,9,daily,,20\r\n";

        var import = await ImportAsync(csv, bom: true, "--confirmed");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal("imported 3, updated 0, refused 0", import.Output.Trim());
        Assert.Equal("", import.Error);
        Assert.Equal(
            [
                ("ada@example.org", "active", "llm,agents", "graph neural networks,\"world models\"", "Europe/London", 6L, "weekly", 2L, 5L),
                ("alan@example.net", "active", "", "", "UTC", 7L, "daily", 1L, 10L),
                ("grace@example.com", "active", "code", "", "America/New_York", 9L, "daily", 1L, 20L),
            ],
            await RowsAsync());
    }

    [Fact]
    public async Task A_second_import_updates_bad_rows_are_refused_with_their_line_and_the_rest_go_in()
    {
        await ImportAsync("email,hour\nada@example.org,6\n", bom: false);

        var import = await ImportAsync("email,hour,frequency\r\nada@example.org,8,\r\nnot-an-address,7,daily\r\nbob@example.org,25,daily\r\ncy@example.org,,monthly\r\ndee@example.org,,\r\n");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal("imported 1, updated 1, refused 3", import.Output.Trim());
        var errors = import.Error.Trim().Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Matches(@"list\.csv:3: .*no @", errors[0]);
        Assert.Matches(@"list\.csv:4: hour must be a whole number from 0 to 23, got '25'", errors[1]);
        Assert.Matches(@"list\.csv:5: frequency must be daily or weekly, got 'monthly'", errors[2]);
        var rows = await RowsAsync();
        Assert.Equal(["ada@example.org", "dee@example.org"], rows.Select(r => r.Email));
        Assert.Equal(8, rows[0].Hour);
        Assert.Equal("pending", rows[0].Status);
    }

    [Fact]
    public async Task A_plain_list_is_one_address_per_line()
    {
        var import = await ImportAsync("ada@example.org\r\n\r\nalan@example.net\r\n", bom: true, "--confirmed");

        Assert.Equal("imported 2, updated 0, refused 0", import.Output.Trim());
        Assert.Equal(2, (await _app.StatsAsync())["active"]);
    }
}

public sealed class ImportTestsOnSqlite : ImportTests;

public sealed class ImportTestsOnPostgres : ImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

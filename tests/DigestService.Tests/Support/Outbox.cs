namespace DigestService.Tests.Support;

/// <summary>Reads and seeds a test app's real database directly, for what the CLI does not show.</summary>
public static class Outbox
{
    /// <summary>Writes <paramref name="count"/> addresses NAME-i@example.org to a file and imports them as confirmed.</summary>
    public static async Task<IReadOnlyList<string>> ImportSubscribersAsync(this TestApp app, int count, string name = "reader")
    {
        var addresses = Enumerable.Range(0, count).Select(i => $"{name}-{i}@example.org").ToList();
        var file = Path.Combine(app.Directory, $"{name}.txt");
        await File.WriteAllLinesAsync(file, addresses);
        var result = await app.RunAsync("subscribers", "import", file, "--confirmed");
        Assert.True(result.ExitCode == 0, result.Error);
        return addresses;
    }

    /// <summary>The delivery of an address: its state and the server's last reply.</summary>
    public static async Task<(string State, string? LastReply)> DeliveryOfAsync(this TestApp app, string email)
    {
        await using var connection = await app.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.state, d.last_reply FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE s.email = @email";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("@email", email);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no delivery for {email}");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>Runs one SQL statement against the app's database (to set up what no verb can, such as a status change).</summary>
    public static async Task ExecuteAsync(this TestApp app, string sql)
    {
        await using var connection = await app.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

using Dapper;

namespace DigestService.Store;

/// <summary>Small values the service keeps for itself in the database.</summary>
public sealed class SettingsStore(Database database)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(database.Sql["GetSetting"], new { Key = key });
    }

    /// <summary>Stores <paramref name="value"/> unless the key exists; returns what is stored either way.</summary>
    public async Task<string> GetOrAddAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["PutSetting"], new { Key = key, Value = value });
        return await connection.ExecuteScalarAsync<string>(database.Sql["GetSetting"], new { Key = key }) ?? value;
    }

    /// <summary>Stores <paramref name="value"/> unless the key exists: true for the one caller that stored it.</summary>
    public async Task<bool> TryAddAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(database.Sql["PutSetting"], new { Key = key, Value = value }) > 0;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["SetSetting"], new { Key = key, Value = value });
    }
}

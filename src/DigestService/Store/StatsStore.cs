using Dapper;

namespace DigestService.Store;

public sealed class StatsStore(Database database)
{
    public async Task<IReadOnlyList<(string Name, long Value)>> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, long)>(database.Sql["Stats"]);
        return rows.ToList();
    }
}

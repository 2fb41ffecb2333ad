using System.Data;
using Microsoft.Data.Sqlite;

namespace DigestService.Store;

/// <summary>
/// The named statements of one write transaction, each prepared once and run as often as needed: a batch of a thousand
/// imported rows would otherwise have SQLite parse every statement a thousand times (most of an import's time).
/// </summary>
public sealed class PreparedCommands(SqliteConnection connection, IDbTransaction transaction, SqlCatalog sql) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command of Store/Sql/Queries/NAME.sql with these parameters (<c>@Name = value</c>).</summary>
    public SqliteCommand For(string query, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(query, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql[query];
            command.Transaction = (SqliteTransaction)transaction;
            _commands[query] = command;
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
            command.Dispose();
    }
}

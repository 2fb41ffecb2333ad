using System.Data.Common;

namespace DigestService.Store;

/// <summary>
/// The named statements of one write transaction, each prepared once and run as often as needed: a batch of a thousand
/// imported rows would otherwise have the database parse every statement a thousand times (most of an import's time).
/// </summary>
public sealed class PreparedCommands(DbConnection connection, DbTransaction transaction, SqlCatalog sql) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command of the named query with these parameters (<c>@Name = value</c>).</summary>
    public DbCommand For(string query, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(query, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql[query];
            command.Transaction = transaction;
            _commands[query] = command;
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
            command.Dispose();
    }
}

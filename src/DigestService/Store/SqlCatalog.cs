using System.Reflection;
using DigestService.Config;

namespace DigestService.Store;

/// <summary>
/// The named SQL of one dialect (Store/Sql/Sqlite or Store/Sql/Postgres): migrations in order and one query per file,
/// all read once at start-up. Both dialects hold the same names; a test keeps them so.
/// </summary>
public sealed class SqlCatalog
{
    private readonly Dictionary<string, string> _queries;
    private readonly string _folder;

    public SqlCatalog(DatabaseProvider provider)
    {
        _folder = $"Store/Sql/{provider}";
        var prefix = $"DigestService.Store.Sql.{provider}.";
        var assembly = typeof(SqlCatalog).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Migrations = names
            .Where(n => n.StartsWith(prefix + "Migrations.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(NameOf(n, prefix + "Migrations."), Read(assembly, n)))
            .ToList();
        _queries = names
            .Where(n => n.StartsWith(prefix + "Queries.", StringComparison.Ordinal))
            .ToDictionary(n => NameOf(n, prefix + "Queries."), n => Read(assembly, n), StringComparer.Ordinal);
        foreach (var (name, sql) in _queries)
        {
            if (!sql.TrimStart().StartsWith("--", StringComparison.Ordinal))
                throw new InvalidOperationException($"{_folder}/Queries/{name}.sql must start with a '--' line that says why it exists.");
        }
    }

    public IReadOnlyList<Migration> Migrations { get; }

    public IEnumerable<string> QueryNames => _queries.Keys;

    /// <summary>The text of Store/Sql/DIALECT/Queries/NAME.sql.</summary>
    public string this[string name] =>
        _queries.TryGetValue(name, out var sql) ? sql : throw new KeyNotFoundException($"No SQL query named '{name}' in {_folder}/Queries.");

    private static string NameOf(string resource, string prefix) => Path.GetFileNameWithoutExtension(resource[prefix.Length..]);

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed record Migration(string Name, string Sql);

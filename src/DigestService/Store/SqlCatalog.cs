using System.Reflection;

namespace DigestService.Store;

/// <summary>The named SQL of Store/Sql: migrations in order and one query per file, all read once at start-up.</summary>
public sealed class SqlCatalog
{
    private const string Prefix = "DigestService.Store.Sql.";
    private readonly Dictionary<string, string> _queries;

    public SqlCatalog()
    {
        var assembly = typeof(SqlCatalog).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        Migrations = names
            .Where(n => n.StartsWith(Prefix + "Migrations.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(NameOf(n, "Migrations."), Read(assembly, n)))
            .ToList();
        _queries = names
            .Where(n => n.StartsWith(Prefix + "Queries.", StringComparison.Ordinal))
            .ToDictionary(n => NameOf(n, "Queries."), n => Read(assembly, n), StringComparer.Ordinal);
        foreach (var (name, sql) in _queries)
        {
            if (!sql.TrimStart().StartsWith("--", StringComparison.Ordinal))
                throw new InvalidOperationException($"Store/Sql/Queries/{name}.sql must start with a '--' line that says why it exists.");
        }
    }

    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The text of Store/Sql/Queries/NAME.sql.</summary>
    public string this[string name] =>
        _queries.TryGetValue(name, out var sql) ? sql : throw new KeyNotFoundException($"No SQL query named '{name}' in Store/Sql/Queries.");

    private static string NameOf(string resource, string folder) =>
        Path.GetFileNameWithoutExtension(resource[(Prefix.Length + folder.Length)..]);

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed record Migration(string Name, string Sql);

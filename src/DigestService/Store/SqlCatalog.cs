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
            .Select(n => new Migration(NameOf(n, prefix + "Migrations."), Include(Read(assembly, n))))
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

    /// <summary>
    /// Expands each <c>--#include quartz:NAME</c> line into Quartz's own schema script NAME (embedded in the Quartz
    /// assembly, written to create only what is missing), for the table prefix <see cref="QuartzTablePrefix"/>.
    /// </summary>
    private static string Include(string sql) =>
        string.Join('\n', sql.Split('\n').Select(line => line.StartsWith(QuartzInclude, StringComparison.Ordinal)
            ? Read(typeof(Quartz.IJob).Assembly, QuartzSchemas + line[QuartzInclude.Length..].Trim())
                .Replace("{0}", QuartzTablePrefix, StringComparison.Ordinal).Replace("{1}", QuartzTablePrefix, StringComparison.Ordinal)
            : line));

    private const string QuartzInclude = "--#include quartz:";
    private const string QuartzSchemas = "Quartz.Impl.AdoJobStore.Schema.";

    /// <summary>The prefix of Quartz's tables: Quartz's default, QRTZ_, as PostgreSQL folds unquoted names.</summary>
    public const string QuartzTablePrefix = "qrtz_";

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded resource {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed record Migration(string Name, string Sql);

namespace DigestService.Config;

/// <summary>Which database engine holds the service's state.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// <c>Database:*</c>. SQLite (the default) is one file and nothing to install; PostgreSQL lets several nodes share one
/// database, and then <c>ConnectionStrings:Digest</c> is an Npgsql connection string.
/// </summary>
public sealed class DatabaseOptions : ISelfValidatingOptions
{
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    public DatabaseProvider Engine => Enum.Parse<DatabaseProvider>(Provider, ignoreCase: true);

    public IEnumerable<string> Validate()
    {
        if (!Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out _) || int.TryParse(Provider, out _))
            yield return $"Database:Provider must be Sqlite or Postgres, not '{Provider}'.";
    }
}

namespace Yiwang.Kernel.Persistence;

/// <summary>Which store the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one SQLite file in the data directory.</summary>
    Sqlite,
    /// <summary>Production store.</summary>
    Postgres,
}

/// <summary>
/// The resolved database choice. PostgreSQL is chosen when <c>YIWANG_DB</c> or <c>ConnectionStrings:Main</c> holds a
/// PostgreSQL connection string; otherwise SQLite in <c>{data}/yiwang.db</c> with WAL journaling.
/// </summary>
/// <param name="Provider">The provider.</param>
/// <param name="ConnectionString">The ADO.NET connection string.</param>
/// <param name="DataDirectory">Where the SQLite file and stored files live.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    /// <summary>
    /// SQLite only: <c>false</c> (the default) syncs the write-ahead log at every commit (<c>synchronous=FULL</c>), so a
    /// committed change survives a power cut; <c>true</c> syncs it at checkpoints only (<c>synchronous=NORMAL</c>):
    /// still consistent and safe against process crashes, several times more commits per second, but a power cut may
    /// lose the last moments. Setting <c>Database:SqliteFastCommits</c>.
    /// </summary>
    public bool SqliteFastCommits { get; init; }

    /// <summary>
    /// The settings of a store of its own named <paramref name="name"/>: on SQLite a file of its own beside the main one
    /// (its commits then leave the page caches of the main file's readers alone, since SQLite drops a connection's cache
    /// whenever another connection has committed to the file), on PostgreSQL the same database.
    /// </summary>
    public DatabaseSettings Store(string name)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return this;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        if (builder.DataSource is not { Length: > 0 } file || file == ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            return this;
        }

        builder.DataSource = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, name + ".db");
        return this with { ConnectionString = builder.ToString() };
    }

    /// <summary>Resolves the settings from a connection string (may be empty) and a data directory.</summary>
    public static DatabaseSettings Resolve(string? connectionString, string dataDirectory)
    {
        var data = Path.GetFullPath(dataDirectory);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(data, "yiwang.db")};Pooling=True", data);
        }

        var cs = connectionString.Trim();
        if (cs.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || cs.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, WithAutoPrepare(FromUri(new Uri(cs))), data);
        }

        return cs.Contains("Host=", StringComparison.OrdinalIgnoreCase) || cs.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? new(DatabaseProvider.Postgres, WithAutoPrepare(cs), data)
            : new(DatabaseProvider.Sqlite, cs, data);
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a node runs again and again (unless the operator set it otherwise): without
    /// it, PostgreSQL parses and plans every query anew, which cost a quarter of a data-sharing lookup's throughput.
    /// And returns a connection to the pool without resetting its session (unless the operator set it otherwise): the
    /// platform keeps no session state (no <c>SET</c>, no session locks, no temporary tables), and the reset was a
    /// batch of statements that PostgreSQL parsed on every use of a pooled connection, about a tenth of a lookup's
    /// throughput. Npgsql still rolls back a transaction left open.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 3;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static string FromUri(Uri uri)
    {
        var userInfo = uri.UserInfo.Split(':', 2);
        var db = uri.AbsolutePath.Trim('/');
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = string.IsNullOrEmpty(db) ? "yiwang" : Uri.UnescapeDataString(db),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ConnectionString;
    }
}

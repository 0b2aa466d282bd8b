using Npgsql;

namespace Yiwang.TestKit;

/// <summary>
/// A fresh, empty database for one test app: a SQLite file in a temporary data directory by default, or a new
/// PostgreSQL database when <c>YIWANG_TEST_DB=postgres</c> (server from <c>YIWANG_TEST_PG</c>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _databaseName;

    private TestDatabase(string dataDirectory, string? connectionString, string? postgresAdmin, string? databaseName)
    {
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _databaseName = databaseName;
    }

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("YIWANG_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public string DataDirectory { get; }

    /// <summary>The connection string, or null for the SQLite default in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "yiwang-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        if (!UsePostgres)
        {
            return new TestDatabase(data, null, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("YIWANG_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=postgres";
        var name = "yiwang_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(data, builder.ConnectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection is left for the OS to clean; it is in the temp directory.
        }
    }
}

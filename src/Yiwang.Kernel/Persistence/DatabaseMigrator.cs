using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Yiwang.Kernel.Persistence;

/// <summary>Applies every module's migrations; on SQLite first creates the data directory and turns on WAL in every store's file.</summary>
public static class DatabaseMigrator
{
    /// <summary>Migrates all registered module databases.</summary>
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken ct)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var modules = services.GetServices<ModuleDatabase>().ToList();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            foreach (var store in modules.Select(m => m.Settings).Append(settings).DistinctBy(s => s.ConnectionString))
            {
                await PrepareSqliteAsync(store, ct);
            }
        }

        await using var scope = services.CreateAsyncScope();
        foreach (var module in modules)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            // Checking first is cheaper than MigrateAsync's lock-and-compare on every start of an up-to-date node.
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                await db.Database.MigrateAsync(ct);
            }
        }
    }

    private static async Task PrepareSqliteAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }

        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // WAL lets readers run while one writer commits; the setting is stored in the file.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(ct);
    }
}

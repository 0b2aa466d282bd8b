using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Yiwang.Kernel.Persistence;

/// <summary>A module's database context type, listed so that start-up can migrate every module.</summary>
/// <param name="ContextType">The module's base context type.</param>
/// <param name="Settings">The store it lives in (see <see cref="DatabaseSettings.Store"/>).</param>
public sealed record ModuleDatabase(Type ContextType, DatabaseSettings Settings);

/// <summary>Registers a module's context for the configured provider.</summary>
public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TBase"/> backed by the provider-specific subclass. Each subclass owns its
    /// migrations (EF Core's "one context type per provider" pattern), and each module keeps its own history table
    /// because all modules share one database.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TBase, TSqlite, TPostgres>(
        this IServiceCollection services, DatabaseSettings settings, string modulePrefix)
        where TBase : DbContext
        where TSqlite : TBase
        where TPostgres : TBase
    {
        var history = $"__{modulePrefix}_migrations";
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextPool<TBase, TSqlite>(o =>
            {
                o.UseSqlite(settings.ConnectionString, x => x.MigrationsHistoryTable(history)).UseSnakeCaseNamingConvention();
                if (settings.SqliteFastCommits)
                {
                    o.AddInterceptors(SqliteFastCommitInterceptor.Instance);
                }
            });
        }
        else
        {
            services.AddDbContextPool<TBase, TPostgres>(o => o
                .UseNpgsql(settings.ConnectionString, x => x.MigrationsHistoryTable(history))
                .UseSnakeCaseNamingConvention());
        }

        services.AddSingleton(new ModuleDatabase(typeof(TBase), settings));
        return services;
    }

    /// <summary>Options for design-time factories (<c>dotnet ef</c>) of a SQLite context.</summary>
    public static DbContextOptions<T> DesignTimeSqlite<T>(string modulePrefix) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseSqlite("Data Source=design.db", x => x.MigrationsHistoryTable($"__{modulePrefix}_migrations"))
            .UseSnakeCaseNamingConvention()
            .Options;

    /// <summary>
    /// Options for design-time factories (<c>dotnet ef</c>) of a PostgreSQL context, configured as the running platform
    /// configures it; with <paramref name="connectionString"/>, for a tool or test that migrates a real database.
    /// </summary>
    public static DbContextOptions<T> DesignTimePostgres<T>(string modulePrefix, string connectionString = "Host=localhost;Database=design") where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseNpgsql(connectionString, x => x.MigrationsHistoryTable($"__{modulePrefix}_migrations"))
            .UseSnakeCaseNamingConvention()
            .Options;
}

/// <summary>Sets <c>synchronous=NORMAL</c> on every SQLite connection EF opens (the pragma is per connection).</summary>
internal sealed class SqliteFastCommitInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteFastCommitInterceptor Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    internal static void Apply(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}

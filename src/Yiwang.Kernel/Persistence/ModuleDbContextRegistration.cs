using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Yiwang.Kernel.Persistence;

/// <summary>A module's database context type, listed so that start-up can migrate every module.</summary>
/// <param name="ContextType">The module's base context type.</param>
public sealed record ModuleDatabase(Type ContextType);

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
            services.AddDbContext<TBase, TSqlite>(o => o
                .UseSqlite(settings.ConnectionString, x => x.MigrationsHistoryTable(history))
                .UseSnakeCaseNamingConvention());
        }
        else
        {
            services.AddDbContext<TBase, TPostgres>(o => o
                .UseNpgsql(settings.ConnectionString, x => x.MigrationsHistoryTable(history))
                .UseSnakeCaseNamingConvention());
        }

        services.AddSingleton(new ModuleDatabase(typeof(TBase)));
        return services;
    }

    /// <summary>Options for design-time factories (<c>dotnet ef</c>) of a SQLite context.</summary>
    public static DbContextOptions<T> DesignTimeSqlite<T>(string modulePrefix) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseSqlite("Data Source=design.db", x => x.MigrationsHistoryTable($"__{modulePrefix}_migrations"))
            .UseSnakeCaseNamingConvention()
            .Options;

    /// <summary>Options for design-time factories (<c>dotnet ef</c>) of a PostgreSQL context.</summary>
    public static DbContextOptions<T> DesignTimePostgres<T>(string modulePrefix) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseNpgsql("Host=localhost;Database=design", x => x.MigrationsHistoryTable($"__{modulePrefix}_migrations"))
            .UseSnakeCaseNamingConvention()
            .Options;
}

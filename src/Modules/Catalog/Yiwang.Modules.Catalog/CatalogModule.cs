using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Features;
using Yiwang.Modules.Catalog.Importing;
using Yiwang.Modules.Catalog.Persistence;
using Yiwang.Modules.Catalog.Search;
using Yiwang.Modules.Catalog.Seeding;

namespace Yiwang.Modules.Catalog;

/// <summary>The government service item catalogue (政务服务事项库): basic items, implementation lists and guides.</summary>
public static class CatalogModule
{
    public const string Name = "Catalog";

    public static void AddCatalogModule(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddModuleDbContext<CatalogDbContext, CatalogSqliteDbContext, CatalogPostgresDbContext>(database, CatalogDbContext.Prefix);
        services.AddSingleton(sp => new CatalogSearchIndex(
            Enum.TryParse<SearchIndexMode>(sp.GetRequiredService<IConfiguration>()["Search:Mode"], ignoreCase: true, out var mode) ? mode : SearchIndexMode.Persistent,
            database.DataDirectory));
        services.AddSingleton<IReadinessGate>(sp => sp.GetRequiredService<CatalogSearchIndex>());
        services.AddSingleton<CatalogIndexSync>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogIndexSync>());
        services.AddSingleton<IModuleInitializer, CatalogIndexInitializer>();
        services.AddScoped<ICatalogApi, CatalogApi>();
        services.AddScoped<ItemImporter>();
        services.AddScoped<ItemExporter>();
        services.AddScoped<IDemoSeeder, CatalogDemoSeeder>();
        services.AddSingleton(new CliCommand(
            ["catalog", "import"],
            "yiwang catalog import FILE [--partial] [--register-departments] [--data DIR]",
            "Import service items from a UTF-8 CSV or .xlsx file; all or nothing unless --partial.",
            CatalogCommands.ImportAsync));
        services.AddSingleton(new CliCommand(
            ["catalog", "export"],
            "yiwang catalog export FILE [--data DIR]",
            "Export the published catalogue to FILE (.csv or .xlsx by its extension).",
            CatalogCommands.ExportAsync));
    }

    public static void MapCatalogModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/catalog").WithTags(Name);
        group.MapSearchItems();
        group.MapGetItem();
        group.MapGetCodeTables();
        group.MapCreateItem();
        group.MapSaveDraft();
        group.MapPublishItem();
        group.MapImportItems();
        group.MapExportItems();
        group.MapConsistencyReport();
    }
}

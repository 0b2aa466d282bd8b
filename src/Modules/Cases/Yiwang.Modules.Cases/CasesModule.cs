using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Features;
using Yiwang.Modules.Cases.Jobs;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Kernel.Storage;

namespace Yiwang.Modules.Cases;

/// <summary>Applications (办件): online and window intake, acceptance, review, decision and completion within time limits.</summary>
public static class CasesModule
{
    public const string Name = "Applications";

    public static void AddCasesModule(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        services.AddModuleDbContext<CasesDbContext, CasesSqliteDbContext, CasesPostgresDbContext>(database, CasesDbContext.Prefix);
        services.AddOptions<CasesOptions>().Bind(configuration.GetSection("Cases"));
        services.AddSharedFileStore(database.DataDirectory);
        services.AddScoped<CaseAccess>();
        services.AddScoped<ItemSnapshots>();
        services.AddScoped<ApplicationForms>();
        services.AddScoped<CaseActions>();
        services.AddScoped<LicenceStandIns>();
        services.AddSingleton<ActionGroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<ActionGroupCommit>());
        services.AddScoped<NotificationFanOut>();
        services.AddScoped<CreateApplication.Creator>();
        services.AddScoped<MaterialIntake>();
        services.AddScoped<RatingRecorder>();
        services.AddScoped<RectificationWork>();
        services.AddScoped<ICasesApi, CasesApi>();
        var options = configuration.GetSection("Cases").Get<CasesOptions>() ?? new CasesOptions();
        services.AddPeriodicJob<TimeLimitSweep>("cases.time-limit-sweep", TimeSpan.FromSeconds(options.SweepSeconds));
    }

    public static void MapCasesModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications").WithTags(Name);
        group.MapCreateApplication();
        group.MapApplicationQueries();
        group.MapRunAction();
        group.MapRunBulkActions();
        group.MapMaterials();
        group.MapAlerts();
        group.MapExchangeExport();
        app.MapRatings();
        app.MapHall();
        app.MapCaseForms();
    }
}

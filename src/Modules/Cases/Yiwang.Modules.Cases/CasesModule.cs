using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
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
        services.AddSingleton<TimeLimitSweep>();
        AddScheduler(services, database, configuration);
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

    /// <summary>
    /// Quartz runs the sweep. On PostgreSQL the job store is clustered (tables <c>cases_qrtz_*</c>, which Quartz
    /// provisions itself) so that, with several nodes, one fires it at a time; on SQLite (one node) it is in memory.
    /// Either way the sweep's own flags make it safe to run twice.
    /// </summary>
    private static void AddScheduler(IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        var seconds = Math.Max(1, configuration.GetValue("Cases:SweepSeconds", 30));
        services.AddQuartz("yiwang", q =>
        {
            var job = new JobKey("time-limit-sweep", "cases");
            q.AddJob<TimeLimitSweepJob>(j => j.WithIdentity(job).StoreDurably());
            q.AddTrigger<TimeLimitSweepJob>(t => t.ForJob(job).WithIdentity("time-limit-sweep", "cases").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever()));
            if (database.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(database.ConnectionString);
                    s.ConfigureStore(o => o.TablePrefix = "cases_qrtz_");
                    s.UseClustering(_ => { });
                    s.ProvisionSchema();
                    s.UseSystemTextJsonSerializer(_ => { });
                });
            }
        });
        services.AddQuartzHostedService("yiwang", o => o.WaitForJobsToComplete = true);
    }
}

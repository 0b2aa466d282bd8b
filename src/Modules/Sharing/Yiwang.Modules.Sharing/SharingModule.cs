using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Calling;
using Yiwang.Modules.Sharing.Catalogue;
using Yiwang.Modules.Sharing.Evidence;
using Yiwang.Modules.Sharing.Objections;
using Yiwang.Modules.Sharing.Persistence;
using Yiwang.Modules.Sharing.Quality;
using Yiwang.Modules.Sharing.Requests;
using Yiwang.Modules.Sharing.Seeding;

namespace Yiwang.Modules.Sharing;

/// <summary>
/// The data-sharing hub (数据共享交换平台): resource catalogue, supply–demand matching, one query API with masking and
/// quotas, the hash-chained evidence log, objections, quality and the persons' data-use view.
/// </summary>
public static class SharingModule
{
    public const string Name = "Sharing";

    public static void AddSharingModule(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        services.AddOptions<SharingOptions>().Bind(configuration.GetSection("Sharing"));
        services.AddModuleDbContext<SharingDbContext, SharingSqliteDbContext, SharingPostgresDbContext>(database, SharingDbContext.Prefix);
        var evidence = EvidenceStore.For(database);
        services.AddSingleton(evidence);
        services.AddModuleDbContext<EvidenceDbContext, EvidenceSqliteDbContext, EvidencePostgresDbContext>(evidence.Database, EvidenceDbContext.Prefix);
        services.AddHttpClient(UpstreamSource.ClientName).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var loopback = sp.GetRequiredService<IOptions<SharingOptions>>().Value.UpstreamLoopbackAllowed;
            // No redirects: a provider's API answers where it was asked, and a redirect would leave the host list behind.
            return new SocketsHttpHandler { AllowAutoRedirect = false, ConnectCallback = (context, ct) => UpstreamPolicy.ConnectAsync(context, loopback, ct) };
        });
        services.AddScoped<SharingAccess>();
        services.AddScoped<ResourceCatalogue>();
        services.AddScoped<RecordLoading>();
        services.AddScoped<AccessRequests>();
        services.AddScoped<ResourceQuery>();
        services.AddSingleton<GrantCache>();
        services.AddSingleton<RecordReader>();
        services.AddScoped<UpstreamSource>();
        services.AddScoped<EvidenceReader>();
        services.AddScoped<EvidenceVerifier>();
        services.AddScoped<QualityCheck>();
        services.AddScoped<DataObjections>();
        services.AddScoped<Contracts.ISharingApi, SharingApi>();
        services.AddSingleton<IModuleInitializer, EvidenceStoreUpgrade>();
        services.AddSingleton<SubjectDigests>();
        services.AddSingleton<IModuleInitializer>(sp => sp.GetRequiredService<SubjectDigests>());
        services.AddSingleton<EvidenceMetrics>();
        services.AddSingleton<EvidenceLog>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceLog>());
        var options = configuration.GetSection("Sharing").Get<SharingOptions>() ?? new SharingOptions();
        services.AddPeriodicJob<EvidenceCheckpoints>("sharing.evidence-checkpoints", TimeSpan.FromSeconds(options.CheckpointSeconds));
        services.AddPeriodicJob<SubjectIndexer>("sharing.subject-index", TimeSpan.FromSeconds(options.SubjectIndexSeconds));
        services.AddPeriodicJob<OverdueSweep>("sharing.overdue-sweep", TimeSpan.FromSeconds(options.SweepSeconds));
        services.AddScoped<IDemoSeeder, SharingDemoSeeder>();
        services.AddSingleton(new CliCommand(["audit", "verify"], "yiwang audit verify",
            "Check the data-sharing evidence log: every hash, every signed checkpoint and the chain head; exit code 1 when anything was changed, removed or reordered.",
            AuditCommands.VerifyAsync));
    }

    public static void MapSharingModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sharing").WithTags(Name);
        group.MapCatalogueEndpoints();
        group.MapRequestEndpoints();
        group.MapQueryEndpoint();
        group.MapEvidenceEndpoints();
        group.MapObjectionEndpoints();
        SharingForms.MapSharingForms(app);
    }
}

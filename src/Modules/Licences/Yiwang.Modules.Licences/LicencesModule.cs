using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Licences.Features;
using Yiwang.Modules.Licences.Jobs;
using Yiwang.Modules.Licences.Persistence;
using Yiwang.Modules.Licences.Seeding;

namespace Yiwang.Modules.Licences;

/// <summary>Electronic licences (电子证照): the licence catalogue, issuing and versions, signatures, status lists, wallet and verification.</summary>
public static class LicencesModule
{
    public const string Name = "Licences";

    public static void AddLicencesModule(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        services.AddModuleDbContext<LicencesDbContext, LicencesSqliteDbContext, LicencesPostgresDbContext>(database, LicencesDbContext.Prefix);
        services.AddOptions<LicencesOptions>().Bind(configuration.GetSection("Licences"));
        services.AddSingleton<IssuerKeyring>();
        services.AddSingleton<StatusLists>();
        services.AddSingleton<LicenceVerifier>();
        services.AddScoped<LicenceAccess>();
        services.AddScoped<LicenceIssuing>();
        services.AddScoped<LicenceAuthorisations>();
        services.AddSingleton<Rendering.ChromiumPdf>();
        services.AddScoped<LicencesApi>();
        services.AddScoped<Contracts.ILicencesApi>(sp => sp.GetRequiredService<LicencesApi>());
        services.AddScoped<Contracts.ILicenceUses>(sp => sp.GetRequiredService<LicencesApi>());
        services.AddScoped<Contracts.IPlatformSignatures, PlatformSignatures>();
        services.AddScoped<IDemoSeeder, LicencesDemoSeeder>();
        var options = configuration.GetSection("Licences").Get<LicencesOptions>() ?? new LicencesOptions();
        services.AddPeriodicJob<IssueFromCases>("licences.issue-from-cases", TimeSpan.FromSeconds(options.IssueFromCasesSeconds));
        services.AddPeriodicJob<EscalateOverdueObjections>("licences.objection-sweep", TimeSpan.FromSeconds(options.ObjectionSweepSeconds));
    }

    public static void MapLicencesModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/licences").WithTags(Name);
        group.MapLicenceTypes();
        group.MapIssuers();
        group.MapLicenceRecords();
        group.MapPresentations();
        group.MapObjections();
        group.MapAuthorisations();
        group.MapLicenceDocuments();
        app.MapLicenceForms();
    }
}

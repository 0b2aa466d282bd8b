using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Reference.Features;
using Yiwang.Modules.Reference.Persistence;

namespace Yiwang.Modules.Reference;

/// <summary>Reference data (基础数据): regions, departments and the working-day calendar.</summary>
public static class ReferenceModule
{
    public const string Name = "Reference";

    public static void AddReferenceModule(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddModuleDbContext<ReferenceDbContext, ReferenceSqliteDbContext, ReferencePostgresDbContext>(database, ReferenceDbContext.Prefix);
        services.AddSingleton<RegionDirectory>();
        services.AddSingleton<CalendarHolder>();
        services.AddSingleton<IWorkingDayCalendar>(sp => sp.GetRequiredService<CalendarHolder>());
        services.AddScoped<IReferenceApi, ReferenceApi>();
        services.AddScoped<CalendarImporter>();
        services.AddSingleton<IModuleInitializer, ReferenceInitializer>();
        services.AddSingleton(new CliCommand(
            ["calendar", "import"],
            "yiwang calendar import FILE [--data DIR]",
            "Import one year of official holidays and adjusted working days from a holiday-cn JSON file.",
            ImportCalendarCommand.RunAsync));
    }

    public static void MapReferenceModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags(Name);
        group.MapRegionQueries();
        group.MapListDepartments();
        group.MapSaveDepartment();
        group.MapCalendarQueries();
        group.MapImportCalendar();
    }
}

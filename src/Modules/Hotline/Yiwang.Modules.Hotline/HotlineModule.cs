using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Kernel.Storage;
using Yiwang.Modules.Hotline.Dispatch;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Hotline.Routing;
using Yiwang.Modules.Hotline.Seeding;

namespace Yiwang.Modules.Hotline;

/// <summary>12345 hotline (12345 热线 / 接诉即办): tickets and their handling, smart dispatch (智能派单), the category tree, time limits, indicators, hot spots and Open311.</summary>
public static class HotlineModule
{
    public const string Name = "Hotline";

    public static void AddHotlineModule(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        services.AddOptions<HotlineOptions>().Bind(configuration.GetSection("Hotline"))
            .PostConfigure(o => o.ModelPath = o.ModelPath is { Length: > 0 } path ? path : Path.Combine(database.DataDirectory, "hotline-model"));
        services.AddModuleDbContext<HotlineDbContext, HotlineSqliteDbContext, HotlinePostgresDbContext>(database, HotlineDbContext.Prefix);
        services.AddSingleton<DeployedModel>();
        services.AddScoped<RoutingTable>();
        services.AddScoped<Tickets.TicketAccess>();
        services.AddScoped<Tickets.TicketLimits>();
        services.AddScoped<Categories.CategoryTree>();
        services.AddScoped<Categories.CategoryEditor>();
        services.AddScoped<Tickets.TimeLimitEditor>();
        services.AddScoped<Tickets.TicketAttacher>();
        services.AddSharedFileStore(database.DataDirectory);
        services.AddSingleton<IModuleInitializer, HotlineInitializer>();
        services.AddScoped<Tickets.TicketFiling>();
        services.AddScoped<Tickets.TicketStepper>();
        services.AddScoped<Tickets.TicketReader>();
        services.AddScoped<Tickets.DuplicateFinder>();
        services.AddScoped<Tickets.IndicatorReport>();
        services.AddScoped<HotSpots.HotSpotReport>();
        services.AddScoped<Answers.AnswerSuggestions>();
        services.AddScoped<Contracts.IHotlineApi, Tickets.HotlineApi>();
        var options = configuration.GetSection("Hotline").Get<HotlineOptions>() ?? new HotlineOptions();
        services.AddPeriodicJob<Tickets.TicketDeadlines>("hotline.deadline-sweep", TimeSpan.FromSeconds(options.SweepSeconds));
        services.AddScoped<IDemoSeeder, HotlineDemoSeeder>();
        services.AddSingleton(new CliCommand(["hotline", "train"], "yiwang hotline train " + HotlineCommands.Options + " --model DIR",
            "Train the dispatch model from labelled messages (UTF-8 CSV with a header) and save it to DIR.", HotlineCommands.TrainAsync));
        services.AddSingleton(new CliCommand(["hotline", "evaluate"], "yiwang hotline evaluate " + HotlineCommands.Options + " --model DIR",
            "Per-category precision, recall and F1 of the model in DIR on labelled messages; the last line is {\"n\",\"accuracy\",\"macroF1\"}.",
            HotlineCommands.EvaluateAsync));
        services.AddSingleton(new CliCommand(["hotline", "hotspots"], HotSpots.HotSpotCommand.Usage,
            "Hot spots (热点) of a message export with votes: clusters of the same problem in the same place within the window, ranked by heat.",
            HotSpots.HotSpotCommand.RunAsync));
        services.AddSingleton(new CliCommand(["hotline", "cross-validate"], "yiwang hotline cross-validate " + HotlineCommands.Options + " [--folds 5]",
            "Stratified k-fold cross-validation of the dispatch model on labelled messages.", HotlineCommands.CrossValidateAsync));
    }

    public static void MapHotlineModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/hotline").WithTags(Name);
        group.MapClassify();
        group.MapRoutes();
        Categories.CategoryEndpoints.MapCategories(group);
        Tickets.TimeLimitRules.MapTimeLimits(group);
        Tickets.TicketFiles.MapTicketFiles(group);
        Tickets.FileTicket.MapFileTicket(group);
        Tickets.TicketQueries.MapTicketQueries(group);
        Tickets.TicketSteps.MapTicketSteps(group);
        Tickets.Indicators.MapIndicators(group);
        HotSpots.HotSpotReport.MapHotSpots(group);
        Answers.AnswerSuggestions.MapAnswers(group);
        Tickets.TicketForms.MapTicketForms(app);
        Open311.Open311Endpoints.MapOpen311(app);
    }
}

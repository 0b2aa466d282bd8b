using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.RateLimiting;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Formatting.Compact;
using Yiwang.Host.Components;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Persistence;
using Microsoft.AspNetCore.Authorization;
using Yiwang.Modules.Cases;
using Yiwang.Modules.Hotline;
using Yiwang.Modules.Licences;
using Yiwang.Modules.Catalog;
using Yiwang.Modules.Identity;
using Yiwang.Modules.Reference;
using Yiwang.Modules.Sharing;

namespace Yiwang.Host.Hosting;

/// <summary>Builds the one web application: modules, then cross-cutting concerns, then endpoints. Reads top to bottom.</summary>
internal static class PlatformHost
{
    /// <param name="args">Command-line configuration (e.g. <c>--data=DIR</c>).</param>
    /// <param name="configure">Lets tests swap the server (TestServer) or the clock before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var dataDirectory = Path.GetFullPath(PlatformOptions.DataDirectory(builder.Configuration));
        var database = DatabaseSettings.Resolve(PlatformOptions.ConnectionString(builder.Configuration), dataDirectory) with
        {
            SqliteFastCommits = builder.Configuration.GetValue("Database:SqliteFastCommits", false),
        };
        builder.Services.AddSingleton(database);

        var quiet = builder.Configuration.GetValue("Log:Quiet", false);
        builder.Services.AddSerilog((services, log) => log
            .MinimumLevel.Is(quiet ? Serilog.Events.LogEventLevel.Fatal : Serilog.Events.LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.AspNetCore", quiet ? Serilog.Events.LogEventLevel.Fatal : Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", quiet ? Serilog.Events.LogEventLevel.Fatal : Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(new CompactJsonFormatter()));

        // Modules: the explicit list.
        builder.Services.AddReferenceModule(database);
        builder.Services.AddCatalogModule(database);
        builder.Services.AddIdentityModule(database);
        builder.Services.AddCasesModule(database, builder.Configuration);
        builder.Services.AddLicencesModule(database, builder.Configuration);
        builder.Services.AddHotlineModule(database, builder.Configuration);
        builder.Services.AddSharingModule(database, builder.Configuration);
        builder.Services.AddScheduler(database);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IActorAccessor, HttpActorAccessor>();
        builder.Services.AddSingleton<StartupInitializer>();
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<StartupInitializer>()));

        // Every problem answer carries a stable code: the ones the modules raise have their own; what the framework answers
        // by itself (an unknown route, a wrong method) gets http.{status}.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("code", $"http.{context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode}"));
        // A body that does not bind (bad JSON, an unknown enum value) is thrown, so the exception handler answers it with
        // request.malformed instead of an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddValidation();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        builder.Services.AddSingleton(OperatorToken.Resolve(builder.Configuration, dataDirectory));
        builder.Services.AddAuthentication(AuthenticationSelector.SchemeName)
            .AddPolicyScheme(AuthenticationSelector.SchemeName, "bearer token or session", o => o.ForwardDefaultSelector = AuthenticationSelector.Select)
            .AddScheme<AuthenticationSchemeOptions, OperatorTokenAuthentication>(OperatorTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(AuthenticationSelector.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.PlatformAdmin, p => p.AddAuthenticationSchemes(AuthenticationSelector.SchemeName).RequireRole("platform-admin"));

        builder.Services.AddRateLimiter(o => ConfigureRateLimits(o, builder.Configuration));
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Yiwang.*").AddPrometheusExporter());
        builder.Services.AddOpenApi();
        builder.Services.AddRazorComponents();
        builder.Services.AddLocalization();

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging(o => o.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("RequestId", http.TraceIdentifier));
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            await next();
        });
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN", "en").AddSupportedUICultures("zh-CN", "en");
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        // Before authentication: OpenIddict answers /connect/token inside the authentication middleware.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("Yiwang API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));

        app.MapReferenceModule();
        app.MapCatalogModule();
        app.MapIdentityModule();
        app.MapCasesModule();
        app.MapLicencesModule();
        app.MapHotlineModule();
        app.MapSharingModule();
        app.MapWebUi();
        app.MapRazorComponents<App>();
        return app;
    }

    private static void ConfigureRateLimits(RateLimiterOptions options, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimit:PermitPerWindow", 600);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimit:WindowSeconds", 10));
        var signIns = configuration.GetValue("RateLimit:SignInsPerMinute", 20);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "local";
            var path = context.Request.Path;
            // Password and token endpoints get a far tighter budget: they are what credential stuffing aims at.
            if (path.StartsWithSegments("/account/session") || path.StartsWithSegments("/connect/token") || path.StartsWithSegments("/api/v1/identity/register")
                || path.StartsWithSegments("/api/v1/identity/me/phone-verification") || path.StartsWithSegments("/account/phone"))
            {
                return RateLimitPartition.GetFixedWindowLimiter("signin:" + address,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = signIns, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            }

            return path.StartsWithSegments("/api") || path.StartsWithSegments("/open311")
                ? RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("pages");
        });
        options.OnRejected = (context, _) => new ValueTask(Results.Problem(
            detail: "Too many requests; slow down and retry shortly.",
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" }).ExecuteAsync(context.HttpContext));
    }
}

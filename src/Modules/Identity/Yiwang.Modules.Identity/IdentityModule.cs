using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Features;
using Yiwang.Modules.Identity.Persistence;
using Yiwang.Modules.Identity.Seeding;

namespace Yiwang.Modules.Identity;

/// <summary>Unified identity (统一身份认证): accounts, legal persons and agents, and the OpenID Connect provider.</summary>
public static class IdentityModule
{
    public const string Name = "Identity";

    /// <summary>The browser session of the platform's own pages.</summary>
    public const string CookieScheme = "yiwang.session";

    /// <summary>Bearer access tokens issued by this provider.</summary>
    public const string BearerScheme = CachedBearerAuthentication.SchemeName;

    public const string ApiResource = "yiwang-api";

    public static void AddIdentityModule(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(database, IdentityDbContext.Prefix);
        services.AddScoped<IIdentityApi, IdentityApi>();
        services.AddScoped<IAccountOverviews, AccountOverviews>();
        services.AddScoped<AgentGrantService>();
        services.AddScoped<IDemoSeeder, IdentityDemoSeeder>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, TokenKeys>();

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("/connect/authorize")
                    .SetTokenEndpointUris("/connect/token")
                    .SetEndSessionEndpointUris("/connect/logout")
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetIntrospectionEndpointUris("/connect/introspect");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                o.RegisterScopes("openid", "profile", "offline_access", "api");
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30)).SetRefreshTokenLifetime(TimeSpan.FromDays(7));
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the load balancer in our deployments; the issuer must still be configured as https there.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(ApiResource);
                o.UseAspNetCore();
            });

        services.AddSingleton<BearerTokenCache>();
        services.AddSingleton<DevelopmentSmsSender>();
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<DevelopmentSmsSender>());
        services.AddSingleton<IRealNameVerifier, DevelopmentRealNameVerifier>();
        services.AddScoped<TrustUpgrades>();
        // After AddServer, which sets the default: operators may shorten access tokens (Identity:AccessTokenMinutes).
        services.AddOptions<OpenIddictServerOptions>().Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, configuration) =>
        {
            if (double.TryParse(configuration["Identity:AccessTokenMinutes"], System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            {
                o.AccessTokenLifetime = TimeSpan.FromMinutes(minutes);
            }
        });
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CachedBearerAuthentication>(CachedBearerAuthentication.SchemeName, null)
            .AddCookie(CookieScheme, o =>
        {
            o.LoginPath = "/account/sign-in";
            o.Cookie.Name = "yiwang.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // APIs answer 401/403; only pages are sent to the sign-in page.
            o.Events.OnRedirectToLogin = context => Redirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Redirect(context, StatusCodes.Status403Forbidden);
        });
    }

    public static void MapIdentityModule(this IEndpointRouteBuilder app)
    {
        app.MapOidcEndpoints();
        app.MapSignIn();
        app.MapAccountForms();
        var group = app.MapGroup("/api/v1/identity").WithTags(Name);
        group.MapRegisterCitizen();
        group.MapGetMe();
        group.MapLegalPersons();
        group.MapAgentGrants();
        group.MapRegisterClient();
        group.MapTrustUpgrades();
        group.MapStaffAccounts();
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

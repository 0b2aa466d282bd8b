using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Yiwang.Host.Hosting;
using Yiwang.Kernel.Modules;

namespace Yiwang.TestKit;

/// <summary>
/// The real platform in process, on a fresh database, behind a TestServer (or on a real port for browser tests).
/// Use as a class fixture; call <see cref="SeedDemoAsync"/> for the demo catalogue.
/// </summary>
public class YiwangApp : IAsyncLifetime
{
    public const string AdminToken = "test-operator-token-0123456789";

    private readonly bool _ownsDatabase = true;
    private TestDatabase? _database;
    private WebApplication? _app;

    public YiwangApp()
    {
    }

    /// <summary>Runs on an existing database (to test restarts); the caller disposes it.</summary>
    protected YiwangApp(TestDatabase database)
    {
        _database = database;
        _ownsDatabase = false;
    }

    /// <summary>Extra command-line configuration, e.g. a low rate limit.</summary>
    protected virtual string[] ExtraArgs => [];

    /// <summary>Service replacements for a fixture (for example a clock the test can move).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Set to a URL (e.g. http://127.0.0.1:0) to listen on a real port instead of a TestServer.</summary>
    protected virtual bool UseRealServer => false;

    public WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => App.Services;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    public string BaseAddress { get; private set; } = "http://localhost";

    public virtual async ValueTask InitializeAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        string[] args =
        [
            $"--data={_database.DataDirectory}",
            $"--Admin:Token={AdminToken}",
            "--RateLimit:PermitPerWindow=100000",
            "--RateLimit:SignInsPerMinute=100000",
            "--Log:Quiet=true",
            "--Errors:ShowExceptions=true",
            .. _database.ConnectionString is { } cs ? new[] { $"--ConnectionStrings:Main={cs}" } : [],
            .. UseRealServer ? new[] { "--urls=http://127.0.0.1:0" } : [],
            .. ExtraArgs,
        ];
        _app = PlatformHost.Build(args, builder =>
        {
            if (!UseRealServer)
            {
                builder.WebHost.UseTestServer();
            }

            ConfigureServices(builder.Services);
        });
        await _app.StartAsync();
        BaseAddress = UseRealServer ? _app.Urls.First() : "http://localhost";
        await WaitUntilReadyAsync();
    }

    public HttpClient Client()
    {
        var client = UseRealServer ? new HttpClient { BaseAddress = new Uri(BaseAddress) } : App.GetTestClient();
        return client;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser under test.</summary>
    public HttpClient BrowserClient()
    {
        var handler = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler();
        if (UseRealServer)
        {
            handler.InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        }
        else
        {
            handler.InnerHandler = App.GetTestServer().CreateHandler();
        }

        return new HttpClient(handler) { BaseAddress = new Uri(BaseAddress) };
    }

    public HttpClient AdminClient()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    public async Task SeedDemoAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(TestContext.Current.CancellationToken);
        }
    }

    public async Task WaitUntilReadyAsync()
    {
        var gates = Services.GetServices<IReadinessGate>().ToList();
        for (var i = 0; i < 600 && gates.Any(g => !g.IsReady); i++)
        {
            await Task.Delay(50);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_database is not null && _ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>A <see cref="YiwangApp"/> with the demo data loaded.</summary>
public class YiwangDemoApp : YiwangApp
{
    public const string CitizenPassword = "Demo2026citizen";
    public const string StaffPassword = "Demo2026staff";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tokens = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedDemoAsync();
    }

    /// <summary>A client signed in (by access token, fetched once per login) as a demo person or staff member.</summary>
    public async Task<HttpClient> AsAsync(string login)
    {
        if (!_tokens.TryGetValue(login, out var token))
        {
            var password = login.Contains('-', StringComparison.Ordinal) ? StaffPassword : CitizenPassword;
            token = (await new OidcClient(this).TokensForAsync(login, password)).GetProperty("access_token").GetString()!;
            _tokens[login] = token;
        }

        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>A clock tests can move forward, to see deadlines and expiry without waiting days.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>A <see cref="YiwangApp"/> on a database that outlives it, to test what survives a restart.</summary>
public sealed class YiwangAppOnDatabase(TestDatabase database) : YiwangApp(database);

/// <summary>
/// One node of a restart test: on a database that outlives it, with a clock the test moves, signing people in with
/// their password; optional extra arguments (for example a long sweep interval, so only the test runs the sweep).
/// </summary>
public sealed class ClockedNodeOn(TestDatabase database, params string[] extraArgs) : YiwangApp(database)
{
    public ShiftableClock Clock { get; } = new();

    protected override string[] ExtraArgs => extraArgs;

    protected override void ConfigureServices(IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(services, ServiceDescriptor.Singleton<TimeProvider>(Clock));

    public async Task<HttpClient> AsAsync(string login, string password) =>
        new OidcClient(this).Bearer((await new OidcClient(this).TokensForAsync(login, password)).GetProperty("access_token").GetString()!);
}

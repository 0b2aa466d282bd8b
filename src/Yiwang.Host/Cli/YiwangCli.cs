using Yiwang.Host.Hosting;
using Yiwang.Kernel.Modules;

namespace Yiwang.Host.Cli;

/// <summary>
/// The <c>yiwang</c> command line. <c>serve</c> is the default; other verbs start the platform without its web server,
/// run one job and exit. Module verbs (catalog import, calendar import…) come from the modules themselves.
/// </summary>
internal static class YiwangCli
{
    private const string Usage = """
        yiwang: the Yiwang digital-government platform (一网通办 / 一网统管 / 一网协同)

        usage:
          yiwang [serve] [--urls URL] [--data DIR] [--seed-demo]   run the platform (default http://127.0.0.1:5080)
          yiwang seed-demo [--data DIR]                            load demo data (idempotent)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var (hostArgs, words) = Split(args);
        var verb = words.Count == 0 || words[0] == "serve" ? "serve" : words[0];
        if (verb == "serve")
        {
            if (words.Contains("--help") || words.Contains("-h"))
            {
                Console.WriteLine(Usage);
                return 0;
            }

            return await ServeAsync(hostArgs, words.Contains("--seed-demo"));
        }

        // One-shot verbs keep their search index in memory and unbuilt: a running server owns the on-disk index and
        // picks up what the verb changed from the database.
        var app = PlatformHost.Build([.. hostArgs, "--Search:Mode=Offline"]);
        var commands = app.Services.GetServices<CliCommand>().ToList();
        if (verb is "--help" or "-h" or "help")
        {
            PrintHelp(commands);
            return 0;
        }

        if (verb == "seed-demo")
        {
            if (words.Contains("--help"))
            {
                Console.WriteLine("yiwang seed-demo [--data DIR]\n  Load demo data: departments and service items (1,135 real Guang'an items and complete demo guides). Safe to repeat.");
                return 0;
            }

            await app.Services.GetRequiredService<StartupInitializer>().StartAsync(CancellationToken.None);
            return await SeedDemoAsync(app.Services);
        }

        var command = commands.FirstOrDefault(c => c.Path.Length <= words.Count && c.Path.SequenceEqual(words.Take(c.Path.Length)));
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"unknown command: {string.Join(' ', words)}");
            PrintHelp(commands);
            return 2;
        }

        var rest = words.Skip(command.Path.Length).ToArray();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            Console.WriteLine($"{command.Usage}\n  {command.Description}");
            return 0;
        }

        await app.Services.GetRequiredService<StartupInitializer>().StartAsync(CancellationToken.None);
        return await command.RunAsync(app.Services, rest, CancellationToken.None);
    }

    private static async Task<int> ServeAsync(string[] hostArgs, bool seedDemo)
    {
        if (!hostArgs.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            hostArgs = [.. hostArgs, "--urls=http://127.0.0.1:5080"];
        }

        var app = PlatformHost.Build(hostArgs);
        if (seedDemo)
        {
            await app.Services.GetRequiredService<StartupInitializer>().StartAsync(CancellationToken.None);
            await SeedDemoAsync(app.Services);
        }

        await app.RunAsync();
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            Console.WriteLine(await seeder.SeedAsync(CancellationToken.None));
        }

        var data = services.GetRequiredService<Kernel.Persistence.DatabaseSettings>().DataDirectory;
        Console.WriteLine($"operator token (for admin API calls): YIWANG_ADMIN_TOKEN, or the file {Path.Combine(data, "admin-token")}");
        return 0;
    }

    private static void PrintHelp(IEnumerable<CliCommand> commands)
    {
        Console.WriteLine(Usage);
        foreach (var c in commands)
        {
            Console.WriteLine($"  {c.Usage}\n      {c.Description}");
        }

        Console.WriteLine("\n  Each command takes --help. Environment: YIWANG_DATA (data directory), YIWANG_DB (PostgreSQL connection string), YIWANG_ADMIN_TOKEN.");
    }

    // --data and --urls belong to the host (configuration keys "data" and "urls"); everything else to the verb.
    private static (string[] HostArgs, List<string> Words) Split(string[] args)
    {
        var host = new List<string>();
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--data" or "--urls" && i + 1 < args.Length)
            {
                host.Add($"{a}={args[++i]}");
            }
            else if (a.StartsWith("--data=", StringComparison.Ordinal) || a.StartsWith("--urls=", StringComparison.Ordinal)
                || a.StartsWith("--environment", StringComparison.Ordinal) || a.StartsWith("--contentRoot", StringComparison.Ordinal)
                || a.StartsWith("--applicationName", StringComparison.Ordinal))
            {
                host.Add(a);
            }
            else
            {
                words.Add(a);
            }
        }

        return ([.. host], words);
    }
}

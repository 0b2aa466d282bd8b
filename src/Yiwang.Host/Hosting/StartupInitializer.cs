using System.Diagnostics;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;

namespace Yiwang.Host.Hosting;

/// <summary>
/// Migrates every module and runs module initializers before the server starts listening, so the first request
/// already sees a current schema and loaded reference data. Logs how long each phase took.
/// </summary>
internal sealed partial class StartupInitializer(IServiceProvider services, ILogger<StartupInitializer> logger) : IHostedService
{
    public bool Completed { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Completed)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        await DatabaseMigrator.MigrateAllAsync(services, cancellationToken);
        LogPhase(logger, "migrations", clock.Elapsed.TotalMilliseconds);
        foreach (var initializer in services.GetServices<IModuleInitializer>().OrderBy(i => i.Order))
        {
            clock.Restart();
            await initializer.InitializeAsync(cancellationToken);
            LogPhase(logger, initializer.GetType().Name, clock.Elapsed.TotalMilliseconds);
        }

        Completed = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up phase {Phase} took {Milliseconds:F0} ms")]
    private static partial void LogPhase(ILogger logger, string phase, double milliseconds);
}

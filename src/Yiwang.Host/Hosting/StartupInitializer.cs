using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;

namespace Yiwang.Host.Hosting;

/// <summary>
/// Migrates every module and runs module initializers before the server starts listening, so the first request
/// already sees a current schema and loaded reference data.
/// </summary>
internal sealed class StartupInitializer(IServiceProvider services) : IHostedService
{
    public bool Completed { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Completed)
        {
            return;
        }

        await DatabaseMigrator.MigrateAllAsync(services, cancellationToken);
        foreach (var initializer in services.GetServices<IModuleInitializer>().OrderBy(i => i.Order))
        {
            await initializer.InitializeAsync(cancellationToken);
        }

        Completed = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

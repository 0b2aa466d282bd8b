using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Yiwang.Kernel.Modules;

/// <summary>
/// Work a module does again and again (a deadline sweep, an issuing pass, a checkpoint). The host schedules every
/// registered job with Quartz (<see cref="PeriodicJobRegistration.AddPeriodicJob{TJob}"/>): in memory on SQLite, in a
/// clustered job store on PostgreSQL, so that with several nodes one of them runs each pass and never two passes of
/// the same job at once. A failed pass is logged and the next one retries: passes must be safe to repeat (they mark
/// what they did in the same commit as the work), which is also what keeps a restart from losing or doubling anything.
/// </summary>
public abstract partial class PeriodicJob(ILogger logger)
{
    /// <summary>One pass over the work.</summary>
    protected abstract Task PassAsync(CancellationToken ct);

    /// <summary>Runs one pass for the scheduler; a failure is logged, not thrown, so the schedule goes on.</summary>
    public async Task RunScheduledPassAsync(CancellationToken ct)
    {
        try
        {
            await PassAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, GetType().Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of {Job} failed; the next pass retries")]
    private static partial void LogFailed(ILogger logger, string job, Exception e);
}

/// <summary>A registered periodic job: its type, a stable name (the scheduler's key) and the time between passes.</summary>
public sealed record PeriodicJobSchedule(Type JobType, string Name, TimeSpan Interval);

public static class PeriodicJobRegistration
{
    /// <summary>Registers the job (a singleton) and its schedule; at least one second between passes.</summary>
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services, string name, TimeSpan interval) where TJob : PeriodicJob
    {
        services.AddSingleton<TJob>();
        services.AddSingleton(new PeriodicJobSchedule(typeof(TJob), name, interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval));
        return services;
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Yiwang.Kernel.Modules;

/// <summary>
/// A background job that runs one pass at start-up and then every <see cref="Interval"/>. A failed pass is logged and
/// the next one retries: passes must be safe to repeat (they mark what they did in the same commit as the work).
/// </summary>
public abstract partial class PeriodicJob(ILogger logger) : BackgroundService
{
    /// <summary>Time between passes (read once, at start).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass over the work.</summary>
    protected abstract Task PassAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : Interval);
        do
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of {Job} failed; the next pass retries")]
    private static partial void LogFailed(ILogger logger, string job, Exception e);
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Host.Hosting;

/// <summary>Ready when start-up work is done, the database answers and every module's readiness gate is open.</summary>
internal sealed class ReadinessCheck(StartupInitializer startup, IEnumerable<IReadinessGate> gates, IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.Completed)
        {
            return HealthCheckResult.Unhealthy("starting");
        }

        var waiting = gates.Where(g => !g.IsReady).Select(g => g.Name).ToList();
        if (waiting.Count > 0)
        {
            return HealthCheckResult.Unhealthy("waiting for " + string.Join(", ", waiting));
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IReferenceApi>().FindDepartmentAsync("-", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }

        return HealthCheckResult.Healthy();
    }
}

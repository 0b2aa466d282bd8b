using Quartz;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Persistence;

namespace Yiwang.Host.Hosting;

/// <summary>
/// Quartz runs every module's periodic jobs (<see cref="PeriodicJobSchedule"/>). On PostgreSQL the job store is
/// clustered (tables <c>yiwang_qrtz_*</c>, which Quartz provisions itself), so that with several nodes behind the load
/// balancer each pass runs on one node and a job never runs twice at once; on SQLite (one node) the store is in memory.
/// Either way each job's own marks make a repeated pass harmless.
/// </summary>
internal static class Scheduling
{
    /// <summary>Call after the modules are registered: it schedules the jobs they registered.</summary>
    public static void AddScheduler(this IServiceCollection services, DatabaseSettings database)
    {
        var schedules = services.Where(d => d.ServiceType == typeof(PeriodicJobSchedule)).Select(d => (PeriodicJobSchedule)d.ImplementationInstance!).ToList();
        services.AddQuartz("yiwang", q =>
        {
            foreach (var schedule in schedules)
            {
                var key = new JobKey(schedule.Name, "yiwang");
                q.AddJob<PeriodicJobRunner>(j => j.WithIdentity(key).StoreDurably().UsingJobData(PeriodicJobRunner.JobType, schedule.JobType.AssemblyQualifiedName!));
                q.AddTrigger(t => t.ForJob(key).WithIdentity(schedule.Name, "yiwang").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(schedule.Interval).RepeatForever()));
            }

            if (database.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(database.ConnectionString);
                    s.ConfigureStore(o => o.TablePrefix = "yiwang_qrtz_");
                    s.UseClustering(_ => { });
                    s.ProvisionSchema();
                    s.UseSystemTextJsonSerializer(_ => { });
                });
            }
        });
        services.AddQuartzHostedService("yiwang", o => o.WaitForJobsToComplete = true);
    }
}

/// <summary>
/// The Quartz job around one module's periodic job (named in its job data): never two passes of the same job at once
/// (Quartz keys that by job), in a cluster on one node at a time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PeriodicJobRunner(IServiceProvider services) : IJob
{
    public const string JobType = "job-type";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var type = Type.GetType(context.MergedJobDataMap.GetString(JobType) ?? "", throwOnError: true)!;
        await ((PeriodicJob)services.GetRequiredService(type)).RunScheduledPassAsync(cancellationToken);
    }
}

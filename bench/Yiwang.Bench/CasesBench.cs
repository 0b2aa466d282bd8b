using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yiwang.Host.Hosting;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Paging;
using Yiwang.Modules.Cases;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Jobs;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Bench;

/// <summary>
/// Issue 4's targets: durable case transitions per second, the first page of a staff queue over many cases filtered by
/// scope and light, and one deadline sweep over many pending cases. Each figure is printed with a baseline measured in
/// the same process on the same database.
/// </summary>
internal static class CasesBench
{
    private static readonly int Workers = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WORKERS"), out var w) ? w : 8;

    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    public static async Task RunAsync(int cases, string? postgres, bool fastCommits)
    {
        var data = Path.Combine(Path.GetTempPath(), "yiwang-cases-bench-" + Guid.NewGuid().ToString("N")[..8]);
        string[] args = [$"--data={data}", "--Log:Quiet=true", "--urls=http://127.0.0.1:0", "--Admin:Token=bench", "--Cases:SweepSeconds=100000",
            .. postgres is null ? Array.Empty<string>() : [$"--ConnectionStrings:Main={postgres}"], $"--Database:SqliteFastCommits={fastCommits}"];
        var app = PlatformHost.Build(args);
        await app.StartAsync();
        Console.WriteLine($"## Applications on {(postgres is null ? "SQLite" + (fastCommits ? " (synchronous=NORMAL)" : " (synchronous=FULL)") : "PostgreSQL")}");
        try
        {
            await TransitionsAsync(app.Services);
            await BulkLoadAsync(app.Services, cases);
            await QueueAsync(app.Services, cases);
            await SweepAsync(app.Services, cases);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            if (postgres is not null)
            {
                Console.WriteLine("(the PostgreSQL database keeps the bench data; drop it when done)");
            }

            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static ClaimsPrincipal Admin() =>
        new(new ClaimsIdentity([new Claim("sub", "bench"), new Claim(ClaimTypes.Role, IdentityRoles.PlatformAdmin)], "bench"));

    private static ItemSnapshot Snapshot(string dept, string region) => new(
        "BENCH-" + dept, 1, "个体工商户设立登记", dept, dept + "局", region, false, 3, 15,
        [new ReviewStepView("审查", IdentityRoles.Approver, 2), new ReviewStepView("决定", IdentityRoles.Approver, 1)],
        [new RequiredMaterial("申请书", false, null)]);

    /// <summary>
    /// Five transitions per case (pre-review, accept, pass-step, decide, complete) through the real use case, with 8 workers
    /// (BENCH_WORKERS) over 3,000 cases (BENCH_TRANSITION_CASES): 15,000 transitions, long enough that JIT tiering and the
    /// first commits do not decide the figure (600 cases, 3 s, gave half the steady rate).
    /// </summary>
    private static async Task TransitionsAsync(IServiceProvider services)
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("BENCH_TRANSITION_CASES"), out var n) ? n : 3000;
        var ids = await SubmittedCasesAsync(services, count, 1);

        // Baseline: the cheapest durable write, one audit row per transaction, same workers and database.
        var baseline = await TimedAsync(services, count * 5, Workers, async (scope, i) =>
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            db.Audit.Add(AuditEntry.Record(Actor.System, "bench.baseline", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, TimeProvider.System));
            await db.SaveChangesAsync();
        });

        string[] steps = ["pre-review", "accept", "pass-step", "decide", "complete"];
        var admin = Admin();

        // Warm-up (JIT, query caches, connection pool) on a set of its own, through both paths, before anything is timed.
        var warm = await SubmittedCasesAsync(services, 80, 4);
        await TimedAsync(services, warm.Count, Workers, async (scope, i) =>
        {
            foreach (var action in steps)
            {
                await using var inner = scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var actions = inner.ServiceProvider.GetRequiredService<CaseActions>();
                var request = new ActionRequest(Opinion: "同意", Decision: CaseDecision.Approved, Delivery: DeliveryMethod.Electronic);
                _ = i % 2 == 0
                    ? (await actions.ActAsync(admin, warm[i], action, request, CancellationToken.None)).IsFailure
                    : (await actions.GroupAsync([new ActionCall(admin, Actor.System, new BulkItem(warm[i], action, request))], CancellationToken.None)).IsFailure;
            }
        });
        var failures = 0;
        var transitions = await TimedAsync(services, count, Workers, async (scope, i) =>
        {
            foreach (var action in steps)
            {
                // A fresh scope per transition, as each HTTP request has.
                await using var inner = scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var actions = inner.ServiceProvider.GetRequiredService<CaseActions>();
                // The transition itself, as with Prefer: return=minimal: check, change, process record, audit, commit.
                var result = await actions.ActAsync(admin, ids[i], action,
                    new ActionRequest(Opinion: "同意", Decision: CaseDecision.Approved, Delivery: DeliveryMethod.Electronic), CancellationToken.None);
                if (result.IsFailure)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        // The same without the group commit: one transaction per action, as with Cases:GroupCommit=false.
        var soloIds = await SubmittedCasesAsync(services, count, 3);
        var soloFailures = 0;
        var solo = await TimedAsync(services, count, Workers, async (scope, i) =>
        {
            foreach (var action in steps)
            {
                await using var inner = scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var call = new ActionCall(admin, Actor.System, new BulkItem(soloIds[i], action,
                    new ActionRequest(Opinion: "同意", Decision: CaseDecision.Approved, Delivery: DeliveryMethod.Electronic)));
                var result = await inner.ServiceProvider.GetRequiredService<CaseActions>().GroupAsync([call], CancellationToken.None);
                if (result.IsFailure || result.Value![0].IsFailure)
                {
                    Interlocked.Increment(ref soloFailures);
                }
            }
        });
        Console.WriteLine($"transitions, one transaction each (group commit off): {count * 5:N0} in {solo.TotalSeconds:F2} s = {count * 5 / solo.TotalSeconds:N0}/s, {soloFailures} refused");

        // The same five transitions for another set of cases, ten cases (fifty actions) per transaction (批量办理).
        var bulkIds = await SubmittedCasesAsync(services, count, 2);
        var bulkFailures = 0;
        var bulk = await TimedAsync(services, count / 10, Workers, async (scope, i) =>
        {
            var items = bulkIds.Skip(i * 10).Take(10).SelectMany(id => steps.Select(action =>
                new BulkItem(id, action, new ActionRequest(Opinion: "同意", Decision: CaseDecision.Approved, Delivery: DeliveryMethod.Electronic)))).ToList();
            var result = await scope.ServiceProvider.GetRequiredService<CaseActions>().BulkAsync(admin, items, CancellationToken.None);
            if (result.IsFailure || result.Value!.Any(o => !o.Done))
            {
                Interlocked.Increment(ref bulkFailures);
            }
        });
        Console.WriteLine($"transitions in batches of 50: {count * 5:N0} in {bulk.TotalSeconds:F2} s = {count * 5 / bulk.TotalSeconds:N0}/s, {bulkFailures} batches refused");

        var perSecond = count * 5 / transitions.TotalSeconds;
        var basePerSecond = count * 5 / baseline.TotalSeconds;
        Console.WriteLine($"transitions (single actions, group commit): {count * 5:N0} in {transitions.TotalSeconds:F2} s = {perSecond:N0}/s (target ≥ 1,000/s), {failures} refused; " +
            $"baseline one-row commits {basePerSecond:N0}/s; ratio {perSecond / basePerSecond:F2}");
    }

    private static async Task<List<Guid>> SubmittedCasesAsync(IServiceProvider services, int count, int set)
    {
        var ids = new List<Guid>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var c = ServiceCase.Create(Guid.CreateVersion7(), Snapshot("BENCH-T", "511602"), new Applicant(null, "张三", null, null, null, null),
                CaseChannel.Window, [], 6, 3, "bench", null, now);
            c.Submit(CaseNumber.Format("511602", new DateOnly(2030, 1, set), i + 1), CaseNumber.NewQueryCode(), ["申请书"], now);
            db.Cases.Add(c);
            ids.Add(c.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private static async Task<TimeSpan> TimedAsync(IServiceProvider services, int count, int workers, Func<AsyncServiceScope, int, Task> work)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await using var scope = services.CreateAsyncScope();
                await work(scope, i);
            }
        }));
        return clock.Elapsed;
    }

    /// <summary>Loads many cases spread over 200 departments in 50 counties, with due dates from 20 days ago to 20 days ahead.</summary>
    private static async Task BulkLoadAsync(IServiceProvider services, int cases)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var calendar = services.GetRequiredService<Yiwang.Modules.Reference.Contracts.IWorkingDayCalendar>();
        const int batch = 5000;
        for (var start = 0; start < cases; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(cases, start + batch); i++)
            {
                var d = i % 200;
                var region = (511600 + (d % 50)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var accepted = now.AddDays(-random.Next(0, 25)).AddMinutes(-random.Next(0, 1440));
                var c = ServiceCase.Create(Guid.CreateVersion7(accepted), Snapshot($"D{d:D3}", region), new Applicant(null, "李四", null, null, null, null),
                    CaseChannel.Online, [], 6, 4, "bench", null, accepted);
                c.Submit(CaseNumber.Format(region, DateOnly.FromDateTime(accepted.UtcDateTime), i + 1), CaseNumber.NewQueryCode(), ["申请书"], accepted);
                // Nine in ten are pending (accepted, clock running); the rest are completed.
                c.Accept(["申请书"], calendar, 0.8, accepted);
                if (i % 10 == 9)
                {
                    c.PassStep(accepted);
                    c.Decide(CaseDecision.Approved, "同意", null, accepted);
                    c.Complete(DeliveryMethod.Electronic, accepted);
                }

                db.Cases.Add(c);
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"loaded {cases:N0} cases in {clock.Elapsed.TotalSeconds:F0} s");

        // Steady state: the sweep has kept up so far (thresholds already crossed are flagged), and the store has
        // been vacuumed and analysed as a running database is.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var t = DateTime.UtcNow;
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Cases.Where(c => c.RunningWarnAtUtc <= t).ExecuteUpdateAsync(u => u.SetProperty(c => c.WarningRaisedAtUtc, t));
            await db.Cases.Where(c => c.RunningDueAtUtc <= t).ExecuteUpdateAsync(u => u.SetProperty(c => c.OverdueRaisedAtUtc, t));
            await db.Database.ExecuteSqlRawAsync(db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal) ? "VACUUM (ANALYZE) cases_case" : "ANALYZE");
        }
    }

    /// <summary>First page (20) of a department's queue filtered by light; baseline a point read by primary key.</summary>
    private static async Task QueueAsync(IServiceProvider services, int cases)
    {
        var api = services.CreateScope().ServiceProvider.GetRequiredService<ICasesApi>();
        var samples = new List<double>();
        var baseline = new List<double>();
        var lights = new[] { TimeLight.Red, TimeLight.Yellow, TimeLight.Green };
        Guid someId;
        await using (var scope = services.CreateAsyncScope())
        {
            someId = await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Cases.Select(c => c.Id).FirstAsync();
        }

        for (var i = 0; i < 230; i++)
        {
            var staff = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim("sub", Guid.NewGuid().ToString()), new Claim("yiwang:kind", "Staff"), new Claim("yiwang:dept", $"D{i % 200:D3}"),
                 new Claim("yiwang:region", "511600"), new Claim("yiwang:data_scope", "Department"), new Claim(ClaimTypes.Role, IdentityRoles.WindowClerk)], "bench"));
            await using var scope = services.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<ICasesApi>();
            var watch = Stopwatch.StartNew();
            var page = await queue.QueueAsync(staff, new QueueFilter(null, lights[i % 3], null, new PageRequest(1, 20)), CancellationToken.None);
            watch.Stop();
            var point = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Cases.AsNoTracking().FirstAsync(c => c.Id == someId);
            point.Stop();
            if (i >= 30)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
                baseline.Add(point.Elapsed.TotalMilliseconds);
            }

            if (i == 30)
            {
                Console.WriteLine($"  (a department queue holds ~{page.Total:N0} cases of that light)");
            }
        }

        samples.Sort();
        baseline.Sort();
        Console.WriteLine($"queue first page over {cases:N0} cases by department and light: p50 {samples[samples.Count / 2]:F1} ms, p95 {samples[(int)(samples.Count * 0.95)]:F1} ms (target ≤ 50 ms); " +
            $"baseline point read p95 {baseline[(int)(baseline.Count * 0.95)]:F2} ms; ratio {samples[(int)(samples.Count * 0.95)] / baseline[(int)(baseline.Count * 0.95)]:F0}");
    }

    /// <summary>A sweep over all pending deadlines an hour after the last, then one more; baseline a count of pending cases.</summary>
    private static async Task SweepAsync(IServiceProvider services, int cases)
    {
        var clock = new MovableClock();
        var sweep = new TimeLimitSweep(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IOptions<CasesOptions>>(), clock,
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<TimeLimitSweep>>());
        var count = Stopwatch.StartNew();
        int pending;
        await using (var scope = services.CreateAsyncScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Cases.CountAsync(c => c.State == CaseState.InReview && c.OverdueRaisedAtUtc == null);
        }

        count.Stop();
        // The sweep runs every 30 s; an hour on, it finds what crossed a threshold in that hour among all pending cases.
        clock.Offset = TimeSpan.FromHours(1);
        var sweepClock = Stopwatch.StartNew();
        var raised = await sweep.RunOnceAsync(CancellationToken.None);
        sweepClock.Stop();
        var again = Stopwatch.StartNew();
        var none = await sweep.RunOnceAsync(CancellationToken.None);
        again.Stop();
        Console.WriteLine($"sweep over {pending:N0} pending deadlines, an hour of thresholds crossed: {sweepClock.Elapsed.TotalMilliseconds:F0} ms raising {raised.Warnings + raised.Overdue:N0} " +
            $"(target ≤ 10 s); the next sweep {again.Elapsed.TotalMilliseconds:F0} ms raising {none.Warnings + none.Overdue}; baseline count of pending {count.Elapsed.TotalMilliseconds:F0} ms; " +
            $"ratio {sweepClock.Elapsed / count.Elapsed:F2}");
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Host.Hosting;
using Yiwang.Kernel.Auditing;
using Yiwang.Modules.Licences;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Features;
using Yiwang.Modules.Licences.Persistence;
using Yiwang.Modules.Licences.Seeding;

namespace Yiwang.Bench;

/// <summary>
/// Licences: issuing in bulk (target: 100,000 Ed25519 licences in ≤ 60 s), and verification throughput against the raw
/// signature-verification rate of the same library in the same run (target ≥ 0.8×), for Ed25519 and SM2 separately.
/// </summary>
internal static class LicencesBench
{
    private const string Holder = "511602199003071232";

    public static async Task RunAsync(int count, string? postgres)
    {
        var data = Path.Combine(Path.GetTempPath(), "yiwang-licences-bench-" + Guid.NewGuid().ToString("N")[..8]);
        string[] args = [$"--data={data}", "--Log:Quiet=true", "--urls=http://127.0.0.1:0", "--Admin:Token=bench", "--RateLimit:PermitPerWindow=100000000",
            .. postgres is null ? Array.Empty<string>() : [$"--ConnectionStrings:Main={postgres}"]];
        var app = PlatformHost.Build(args);
        await app.StartAsync();
        Console.WriteLine($"## Licences on {(postgres is null ? "SQLite" : "PostgreSQL")}");
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetServices<Yiwang.Kernel.Modules.IDemoSeeder>().OfType<LicencesDemoSeeder>().Single().SeedAsync(CancellationToken.None);
            }

            await IssueAsync(app.Services, count);
            var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            // BENCH_VERIFICATIONS: how many Ed25519 presentations are verified in each timed section (at most the licences issued).
            var verifications = int.TryParse(Environment.GetEnvironmentVariable("BENCH_VERIFICATIONS"), out var v) ? v : 20_000;
            await VerifyAsync(app.Services, client, "GA-SCJG", Math.Min(count, verifications), "Ed25519");
            await IssueSm2Async(app.Services, 2_000);
            await VerifyAsync(app.Services, client, "WH-MZ", 2_000, "SM2");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task IssueAsync(IServiceProvider services, int count)
    {
        const int batch = 1_000;
        var fields = new Dictionary<string, string>
        {
            ["经营者"] = "张广安", ["组成形式"] = "个人经营", ["经营场所"] = "广安区兴安路 8 号", ["经营范围"] = "小吃服务",
            ["登记机关"] = "广安市广安区市场监督管理局", ["注册日期"] = "2026-11-23",
        };

        // Baseline: the signatures alone (the same number of Ed25519 signatures over a payload of the same size), one core.
        var (_, key) = SignatureScheme.Ed25519.Generate();
        var sample = new byte[1_100];
        var signing = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            sample[i % sample.Length]++;
            SignatureScheme.Ed25519.Sign(key, sample);
        }

        signing.Stop();
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < count; done += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
            var type = await db.Types.AsNoTracking().FirstAsync(t => t.Code == LicencesDemoSeeder.BusinessLicenceType);
            var issuer = await db.Issuers.FirstAsync(i => i.DepartmentCode == "GA-SCJG");
            var orders = Enumerable.Range(0, Math.Min(batch, count - done))
                .Select(_ => new IssueOrder(type, new LicenceHolder(HolderKind.NaturalPerson, "张广安", Holder, null), fields, null)).ToList();
            var result = await scope.ServiceProvider.GetRequiredService<LicenceIssuing>().IssueAsync(issuer, orders, Actor.System, CancellationToken.None);
            if (result.IsFailure)
            {
                Console.WriteLine($"issuing failed: {result.Error!.Code}");
                return;
            }
        }

        clock.Stop();
        Console.WriteLine($"issued {count:N0} Ed25519 licences in batches of {batch:N0}: {clock.Elapsed.TotalSeconds:F1} s = {count / clock.Elapsed.TotalSeconds:N0}/s (target: 100,000 in ≤ 60 s); " +
            $"baseline: the signatures alone {signing.Elapsed.TotalSeconds:F1} s; ratio {clock.Elapsed / signing.Elapsed:F1}");
    }

    private static async Task IssueSm2Async(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var type = await db.Types.AsNoTracking().FirstAsync(t => t.Code == LicencesDemoSeeder.MarriageCertificateType);
        var issuer = await db.Issuers.FirstAsync(i => i.DepartmentCode == "WH-MZ");
        var fields = new Dictionary<string, string> { ["持证人"] = "张广安", ["登记日期"] = "2026-11-23", ["登记机关"] = "成都市武侯区民政局" };
        var orders = Enumerable.Range(0, count).Select(_ => new IssueOrder(type, new LicenceHolder(HolderKind.NaturalPerson, "张广安", Holder, null), fields, null)).ToList();
        var clock = Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<LicenceIssuing>().IssueAsync(issuer, orders, Actor.System, CancellationToken.None);
        Console.WriteLine($"issued {count:N0} SM2 licences in one batch: {clock.Elapsed.TotalSeconds:F1} s{(result.IsFailure ? " FAILED " + result.Error!.Code : "")}");
    }

    /// <summary>Raw verification of the same signatures on all cores, then the verifier in process, then the HTTP API.</summary>
    private static async Task VerifyAsync(IServiceProvider services, HttpClient client, string department, int count, string label)
    {
        List<string> presentations;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
            var issuerCode = (await db.Issuers.FirstAsync(i => i.DepartmentCode == department)).CreditCode;
            var licences = await db.Licences.AsNoTracking().Where(l => l.IssuerCode == issuerCode).OrderBy(l => l.Id).Take(count).ToListAsync();
            presentations = [.. licences.Select(l => Presentations.Build(l, [l.Fields.Keys.First()], "http://127.0.0.1:5080")!.Presentation)];
        }

        var keyring = services.GetRequiredService<IssuerKeyring>();
        var parsed = presentations.Select(p => Jws.Parse(p.Split('~')[0])!).ToList();
        var key = (await keyring.FindAsync(parsed[0].Kid!, CancellationToken.None))!;
        var scheme = SignatureScheme.For(key.Algorithm);
        var workers = Environment.ProcessorCount;

        // Warm-up of both paths (JIT tiers, caches) on the first 500, then everything is timed.
        var verifier = services.GetRequiredService<LicenceVerifier>();
        for (var i = 0; i < Math.Min(500, parsed.Count); i++)
        {
            scheme.Verify(key.PublicKey, parsed[i].SigningInput, parsed[i].Signature);
            await verifier.VerifyAsync(presentations[i], CancellationToken.None);
        }

        for (var i = 0; i < 20; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/licences/verify/batch", new { presentations = presentations.Skip(i * 25).Take(200) })).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/v1/licences/verify", new { presentation = presentations[i] })).EnsureSuccessStatusCode();
        }

        var raw = Stopwatch.StartNew();
        var rawValid = 0;
        Parallel.For(0, parsed.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        {
            if (scheme.Verify(key.PublicKey, parsed[i].SigningInput, parsed[i].Signature))
            {
                Interlocked.Increment(ref rawValid);
            }
        });
        raw.Stop();

        var inProcess = await TimedAsync(presentations.Count, workers * 2, async i => (await verifier.VerifyAsync(presentations[i], CancellationToken.None)).Verdict == Verdict.Valid);
        var api = await TimedAsync(presentations.Count, 16, async i =>
        {
            using var response = await client.PostAsJsonAsync("/api/v1/licences/verify", new { presentation = presentations[i] });
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("verdict").GetString() == "Valid";
        });

        // The batch API: each client sends 500 presentations per request; the rate counts presentations. The load generator
        // shares the two cores with the server, so it counts verdicts in the raw answer instead of parsing it into objects.
        // The request bodies are built before the clock starts, as a department's system would have them ready: the load
        // generator's own JSON work would otherwise take its share of the two cores from the server being measured.
        // BENCH_BATCH and BENCH_BATCH_CLIENTS: presentations per request and concurrent requests (500 and 3 by default).
        var batch = int.TryParse(Environment.GetEnvironmentVariable("BENCH_BATCH"), out var size) ? size : 500;
        var clients = int.TryParse(Environment.GetEnvironmentVariable("BENCH_BATCH_CLIENTS"), out var c) ? c : 3;
        var batches = (presentations.Count + batch - 1) / batch;
        var bodies = Enumerable.Range(0, batches)
            .Select(b => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { presentations = presentations.Skip(b * batch).Take(batch).ToList() })).ToList();
        var batchApi = await TimedAsync(batches, clients, async b =>
        {
            using var content = new ByteArrayContent(bodies[b]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/v1/licences/verify/batch", content);
            var body = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
            return System.Text.RegularExpressions.Regex.Count(body, "\"verdict\":\"Valid\"") == Math.Min(batch, presentations.Count - b * batch);
        });
        var batchRate = batchApi.Rate * presentations.Count / batches;

        var rawRate = parsed.Count / raw.Elapsed.TotalSeconds;
        Console.WriteLine($"{label}: raw signature verification ({scheme.Alg}, BouncyCastle, {workers} threads) {rawRate:N0}/s ({rawValid:N0} valid); " +
            $"verifier in process {inProcess.Rate:N0}/s ({inProcess.Valid:N0} valid), ratio {inProcess.Rate / rawRate:F2}; " +
            $"HTTP API (16 clients, same machine) {api.Rate:N0}/s ({api.Valid:N0} valid), ratio {api.Rate / rawRate:F2}; " +
            $"batch API ({batch} per request, {clients} clients) {batchRate:N0}/s ({batchApi.Valid:N0} of {batches} batches all valid), ratio {batchRate / rawRate:F2} (target ≥ 0.8)");
    }

    private static async Task<(double Rate, int Valid)> TimedAsync(int count, int workers, Func<int, Task<bool>> work)
    {
        var next = -1;
        var valid = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (await work(i))
                {
                    Interlocked.Increment(ref valid);
                }
            }
        })));
        return (count / clock.Elapsed.TotalSeconds, valid);
    }
}

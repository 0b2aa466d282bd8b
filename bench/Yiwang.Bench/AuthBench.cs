using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Host.Hosting;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Identity;

namespace Yiwang.Bench;

/// <summary>
/// What a bearer access token costs: (1) validating it (signature, lifetime, audience) in process, against
/// authenticating a request that carries no token; (2) throughput of a trivial endpoint with and without the token.
/// </summary>
internal static class AuthBench
{
    public static async Task RunAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "yiwang-auth-" + Guid.NewGuid().ToString("N")[..8]);
        var app = PlatformHost.Build([$"--data={data}", "--Log:Quiet=true", "--Admin:Token=bench", "--RateLimit:PermitPerWindow=100000000", "--RateLimit:SignInsPerMinute=100000"],
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
                {
                    await seeder.SeedAsync(CancellationToken.None);
                }
            }

            var token = await ClientCredentialsTokenAsync(app);
            await ValidationCostAsync(app, token);
            await ThroughputAsync(app, token);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> ClientCredentialsTokenAsync(WebApplication app)
    {
        var admin = app.GetTestClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
        var registered = await admin.PostAsJsonAsync("/api/v1/identity/clients", new { clientId = "bench-system", departmentCode = "GA-SCJG" });
        var secret = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        var response = await app.GetTestClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "bench-system", ["client_secret"] = secret, ["scope"] = "api",
        }));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static async Task ValidationCostAsync(WebApplication app, string token)
    {
        async Task<double[]> Measure(string? bearer, int n)
        {
            var client = app.GetTestClient();
            if (bearer is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            var samples = new double[n];
            for (var i = 0; i < n; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync("/api/v1/calendar/add-working-days?from=2024-01-02&days=3");
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(samples);
            return samples;
        }

        await Measure(token, 3000);
        await Measure(null, 3000);
        var withToken = await Measure(token, 20000);
        var without = await Measure(null, 20000);
        double P(double[] s, double q) => s[(int)(s.Length * q)];
        Console.WriteLine($"request with a valid access token: p50 {P(withToken, 0.5):F3} ms, p99 {P(withToken, 0.99):F3} ms; same request without a token p50 {P(without, 0.5):F3} ms; validation adds p50 {P(withToken, 0.5) - P(without, 0.5):F3} ms (target ≤ 0.2 ms)");
    }

    private static async Task ThroughputAsync(WebApplication app, string token)
    {
        async Task<double> RequestsPerSecond(string? bearer)
        {
            var client = app.GetTestClient();
            if (bearer is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            var until = Stopwatch.StartNew();
            var count = 0L;
            var workers = Enumerable.Range(0, 4).Select(async _ =>
            {
                while (until.Elapsed < TimeSpan.FromSeconds(5))
                {
                    using var response = await client.GetAsync("/api/v1/calendar/add-working-days?from=2024-01-02&days=3");
                    response.EnsureSuccessStatusCode();
                    Interlocked.Increment(ref count);
                }
            });
            await Task.WhenAll(workers);
            return count / until.Elapsed.TotalSeconds;
        }

        await RequestsPerSecond(null);
        var plain = await RequestsPerSecond(null);
        var authorised = await RequestsPerSecond(token);
        Console.WriteLine($"throughput of a trivial endpoint (in process, 4 concurrent callers, 5 s): with token {authorised:F0} req/s, without {plain:F0} req/s; ratio {authorised / plain:F2} (target ≥ 0.5)");
    }
}

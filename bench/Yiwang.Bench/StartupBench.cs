using System.Diagnostics;

namespace Yiwang.Bench;

/// <summary>
/// Start-up to ready with the demo data: spawns `yiwang serve` on a seeded data directory and polls /health/ready.
/// Measured for the deployment build (eng/publish.sh: ReadyToRun) and for the plain build beside this benchmark.
/// Baseline: `yiwang --help` of the same binary in the same job, i.e. starting the runtime and loading assemblies.
/// </summary>
internal static class StartupBench
{
    public static async Task RunAsync()
    {
        var published = Path.Combine(Path.GetTempPath(), "yiwang-bench-app");
        var root = FindRoot();
        Console.WriteLine("publishing the deployment build (eng/publish.sh)…");
        await RunToEndAsync("bash", $"{Path.Combine(root, "eng", "publish.sh")} {published}", raw: true);
        await MeasureAsync("deployment build (ReadyToRun)", Path.Combine(published, "yiwang.dll"));
        await MeasureAsync("plain build", Path.Combine(AppContext.BaseDirectory, "yiwang.dll"));
    }

    private static async Task MeasureAsync(string label, string dll)
    {
        var data = Path.Combine(Path.GetTempPath(), "yiwang-startup-" + Guid.NewGuid().ToString("N")[..8]);
        await RunToEndAsync(dll, $"seed-demo --data {data}");
        var baseline = new List<double>();
        var ready = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            baseline.Add(await RunToEndAsync(dll, "--help"));
            ready.Add(await TimeToReadyAsync(dll, data, 5090 + i));
        }

        ready.Sort();
        baseline.Sort();
        Console.WriteLine($"start-up to ready, {label} (demo data, 1,175 items): median {ready[2]:F0} ms, worst {ready[^1]:F0} ms (target ≤ 3000 ms); runtime-start baseline (yiwang --help) median {baseline[2]:F0} ms; ratio {ready[2] / baseline[2]:F1}×");
        Directory.Delete(data, recursive: true);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Yiwang.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    private static async Task<double> RunToEndAsync(string dll, string args, bool raw = false)
    {
        var started = Stopwatch.StartNew();
        var start = raw ? new ProcessStartInfo(dll, args) : new ProcessStartInfo("dotnet", $"{dll} {args}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return started.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TimeToReadyAsync(string dll, string data, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var started = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"{dll} serve --data {data} --urls http://127.0.0.1:{port}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            while (started.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode)
                    {
                        return started.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                await Task.Delay(20);
            }

            return double.NaN;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Yiwang.Bench;
using Yiwang.Host.Hosting;
using Yiwang.Kernel.Modules;
using Yiwang.Kernel.Paging;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Importing;
using Yiwang.Modules.Reference.Contracts;

// Usage: dotnet run -c Release --project bench/Yiwang.Bench -- [all|import|search|auth|startup|cases|licences|hotline|sharing] [--items N] [--cases N] [--licences N] [--pg CONNECTION] [--sqlite-fast-commits] [--seconds N] [--profile] [--soak CLIENTS]
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var items = args.SkipWhile(a => a != "--items").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
Console.WriteLine($"# Yiwang benchmarks: {what}, {items:N0} items, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

if (what is "all" or "import" or "search")
{
    await ImportAndSearchAsync(items, what);
}

if (what is "all" or "auth")
{
    await AuthBench.RunAsync();
}

if (what is "all" or "cases")
{
    var cases = args.SkipWhile(a => a != "--cases").Skip(1).Select(int.Parse).FirstOrDefault(1_000_000);
    var pg = args.SkipWhile(a => a != "--pg").Skip(1).FirstOrDefault();
    await CasesBench.RunAsync(cases, pg, args.Contains("--sqlite-fast-commits"));
}

if (what is "all" or "licences")
{
    var licences = args.SkipWhile(a => a != "--licences").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
    await LicencesBench.RunAsync(licences, args.SkipWhile(a => a != "--pg").Skip(1).FirstOrDefault());
}

if (what is "all" or "hotline")
{
    await HotlineBench.RunAsync();
}

if (what is "all" or "sharing")
{
    var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(10);
    await SharingBench.RunAsync(args.SkipWhile(a => a != "--pg").Skip(1).FirstOrDefault(), seconds, args.Contains("--profile"),
        args.SkipWhile(a => a != "--soak").Skip(1).Select(int.Parse).FirstOrDefault(0));
}

if (what is "all" or "startup")
{
    await StartupBench.RunAsync();
}

static async Task ImportAndSearchAsync(int count, string what)
{
    var data = Path.Combine(Path.GetTempPath(), "yiwang-bench-" + Guid.NewGuid().ToString("N")[..8]);
    var app = PlatformHost.Build([$"--data={data}", "--Log:Quiet=true", "--urls=http://127.0.0.1:0", "--Admin:Token=bench"]);
    await app.StartAsync();
    try
    {
        await using (var seedScope = app.Services.CreateAsyncScope())
        {
            foreach (var seeder in seedScope.ServiceProvider.GetServices<IDemoSeeder>())
            {
                await seeder.SeedAsync(CancellationToken.None);
            }
        }

        var reference = app.Services.CreateScope().ServiceProvider.GetRequiredService<IReferenceApi>();
        var counties = reference.ChildrenOf(null).SelectMany(p => reference.ChildrenOf(p.Code)).SelectMany(c => reference.ChildrenOf(c.Code)).ToList();
        var catalog = app.Services.CreateScope().ServiceProvider.GetRequiredService<ICatalogApi>();
        var names = catalog.Search(new CatalogSearch(null, null, null, null, null, [], null, new PageRequest(1, 200))).Items.Select(h => h.Name).ToList();
        for (var page = 2; page <= 6; page++)
        {
            names.AddRange(catalog.Search(new CatalogSearch(null, null, null, null, null, [], null, new PageRequest(page, 200))).Items.Select(h => h.Name));
        }

        var csv = SyntheticCatalog.Build(count, counties, names.Distinct().ToList());
        Console.WriteLine($"synthetic file: {csv.Length / 1024.0 / 1024.0:F1} MiB, {counties.Count} counties, {names.Distinct().Count()} distinct names");

        // Baseline for the import: reading and parsing the same file, in the same process, without the database.
        var parse = Stopwatch.StartNew();
        var parsed = ImportFile.Read(new MemoryStream(csv), ImportFormat.Csv);
        parse.Stop();
        var import = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ItemImporter>()
                .ImportAsync(new MemoryStream(csv), ImportFormat.Csv, new ItemImporter.Options(Partial: false, RegisterDepartments: true), CancellationToken.None);
            import.Stop();
            if (report.IsFailure)
            {
                Console.WriteLine($"import failed: {report.Error!.Message}");
                return;
            }

            Console.WriteLine($"import: {report.Value!.Created:N0} items created in {import.Elapsed.TotalSeconds:F1} s (target ≤ 60 s); parse-only baseline {parse.Elapsed.TotalSeconds:F2} s ({parsed.Value!.Items.Count:N0} rows); ratio {import.Elapsed / parse.Elapsed:F1}×");
        }

        if (what is "all" or "search")
        {
            SearchBench.Run(catalog);
        }
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

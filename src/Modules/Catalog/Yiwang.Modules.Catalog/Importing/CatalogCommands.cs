using Microsoft.Extensions.DependencyInjection;

namespace Yiwang.Modules.Catalog.Importing;

internal static class CatalogCommands
{
    public static async Task<int> ImportAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--partial" or "--register-departments")).ToList();
        if (files.Count != 1 || unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync("usage: yiwang catalog import FILE [--partial] [--register-departments]");
            return 2;
        }

        if (!File.Exists(files[0]))
        {
            await Console.Error.WriteLineAsync($"error: no such file: {files[0]}");
            return 2;
        }

        var format = files[0].EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Xlsx : ImportFormat.Csv;
        await using var scope = services.CreateAsyncScope();
        await using var stream = File.OpenRead(files[0]);
        var options = new ItemImporter.Options(args.Contains("--partial"), args.Contains("--register-departments"));
        var result = await scope.ServiceProvider.GetRequiredService<ItemImporter>().ImportAsync(stream, format, options, ct);
        if (result.IsFailure)
        {
            await Console.Error.WriteLineAsync($"error [{result.Error!.Code}]: {result.Error.Message}");
            if (result.Error.Details is { } details)
            {
                await Console.Error.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(details, Persistence.CatalogDbContext.GuideJson));
            }

            return 1;
        }

        var r = result.Value!;
        Console.WriteLine($"rows {r.Rows}: created {r.Created}, updated {r.Updated}, unchanged {r.Unchanged}, rejected {r.Rejected}");
        foreach (var e in r.Errors)
        {
            Console.WriteLine($"  line {e.Line} [{e.Field}]: {e.Reason}");
        }

        return 0;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync("usage: yiwang catalog export FILE");
            return 2;
        }

        var format = args[0].EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Xlsx : ImportFormat.Csv;
        await using var scope = services.CreateAsyncScope();
        await using var file = File.Create(args[0]);
        var count = await scope.ServiceProvider.GetRequiredService<ItemExporter>().ExportAsync(file, format, ct);
        Console.WriteLine($"exported {count} items to {args[0]}");
        return 0;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Yiwang.Modules.Reference;

internal static class ImportCalendarCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync("usage: yiwang calendar import FILE");
            return 2;
        }

        if (!File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync($"error: no such file: {args[0]}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        await using var file = File.OpenRead(args[0]);
        var outcome = await scope.ServiceProvider.GetRequiredService<CalendarImporter>().ImportAsync(file, ct);
        if (outcome.IsFailure)
        {
            await Console.Error.WriteLineAsync($"error [{outcome.Error!.Code}]: {outcome.Error.Message}");
            return 1;
        }

        var o = outcome.Value!;
        Console.WriteLine($"imported {o.Year}: {o.Days} days ({o.Holidays} holidays, {o.AdjustedWorkingDays} adjusted working days)");
        return 0;
    }
}

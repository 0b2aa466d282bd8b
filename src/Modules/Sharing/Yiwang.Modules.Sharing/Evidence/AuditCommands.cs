using Yiwang.Modules.Sharing.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary><c>yiwang audit verify</c>: checks the evidence log from the command line; exit code 0 when intact, 1 when not.</summary>
internal static class AuditCommands
{
    public static async Task<int> VerifyAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<EvidenceVerifier>().VerifyAsync(ct);
        if (report.Intact)
        {
            Console.WriteLine($"intact: {report.Records} evidence records, {report.Checkpoints} signed checkpoints"
                + (report.LastCheckpointSeq is { } last ? $", the last at record {last}" : ""));
            return 0;
        }

        Console.WriteLine($"BROKEN at record {report.BrokenAt}: {report.Problem} ({report.Records} records checked before it)");
        return 1;
    }
}

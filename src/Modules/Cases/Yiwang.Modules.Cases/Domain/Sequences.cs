using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Cases.Persistence;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>The module's per-scope, per-day counters (case numbers, hall tickets) in <c>cases_sequence</c>.</summary>
internal static class Sequences
{
    public static Task<int> NextAsync(CasesDbContext db, string scope, string day, CancellationToken ct) =>
        DailySequences.NextAsync(db, "cases_sequence", scope, day, ct);
}

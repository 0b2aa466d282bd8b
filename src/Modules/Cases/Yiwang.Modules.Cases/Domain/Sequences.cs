using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Cases.Persistence;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>
/// Per-scope, per-day counters taken with one atomic upsert (SQLite 3.35+ and PostgreSQL share the syntax), so two
/// nodes never hand out the same number. Numbers are unique and increasing per scope and day, not gapless: a number
/// taken by a save that then fails is not handed out again.
/// </summary>
internal static class Sequences
{
    public static async Task<int> NextAsync(CasesDbContext db, string scope, string day, CancellationToken ct)
    {
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO cases_sequence (scope, day, next_value) VALUES ({scope}, {day}, 1)
            ON CONFLICT (scope, day) DO UPDATE SET next_value = cases_sequence.next_value + 1
            RETURNING next_value AS "Value"
            """).ToListAsync(ct);
        return values.Single();
    }
}

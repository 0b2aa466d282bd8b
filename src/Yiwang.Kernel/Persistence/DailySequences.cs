using Microsoft.EntityFrameworkCore;

namespace Yiwang.Kernel.Persistence;

/// <summary>
/// Per-scope, per-day counters (case numbers per region and day, ticket numbers…) taken with one atomic upsert
/// (SQLite 3.35+ and PostgreSQL share the syntax), so two nodes never hand out the same number. Numbers are unique and
/// increasing per scope and day, not gapless: a number taken by a save that then fails is not handed out again. The
/// table has the columns <c>scope</c>, <c>day</c> (the key) and <c>next_value</c>.
/// </summary>
public static class DailySequences
{
    /// <summary>The next number of the scope and day.</summary>
    /// <param name="db">The module's context.</param>
    /// <param name="table">The module's counter table: a letters-and-underscores constant of the module, never user input.</param>
    /// <param name="scope">What is counted (a region, a hall…).</param>
    /// <param name="day">The day, yyyyMMdd.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<int> NextAsync(DbContext db, string table, string scope, string day, CancellationToken ct)
    {
        if (table.Length == 0 || !table.All(c => char.IsAsciiLetterLower(c) || c == '_'))
        {
            throw new ArgumentException("A counter table name is lower-case letters and underscores.", nameof(table));
        }

        // The table name cannot be a parameter; it is checked above. Scope and day are parameters.
#pragma warning disable EF1002
        var values = await db.Database.SqlQueryRaw<int>(
            $"""
            INSERT INTO {table} (scope, day, next_value) VALUES ({"{0}"}, {"{1}"}, 1)
            ON CONFLICT (scope, day) DO UPDATE SET next_value = {table}.next_value + 1
            RETURNING next_value AS "Value"
            """, scope, day).ToListAsync(ct);
#pragma warning restore EF1002
        return values.Single();
    }
}

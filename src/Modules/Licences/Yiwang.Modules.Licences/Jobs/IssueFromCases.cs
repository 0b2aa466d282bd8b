using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences.Jobs;

/// <summary>
/// Issues the licences of approved, completed cases (办结即发证): reads the completed-case feed from where it stopped,
/// and for each case of an item that produces a licence type, in a department registered as an issuer, issues one
/// licence of that type filled from the case. A case already handled is skipped (one licence per case and type, by a
/// unique index), so a restart, a second node or a re-read boundary neither loses nor doubles a licence.
/// </summary>
internal sealed partial class IssueFromCases(IServiceScopeFactory scopes, ILogger<IssueFromCases> logger) : PeriodicJob(logger)
{
    private const string CursorName = "cases";
    private static readonly Actor Issuer = new("licences", "电子证照自动签发");
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);


    protected override Task PassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>
    /// One pass over the feed; returns how many licences were issued. Each pass re-reads a margin before the cursor:
    /// a case whose completion committed late (a long transaction, another node's clock) is still seen.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        const int page = 200;
        var issued = 0;
        DateTime? from = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
            if (from is null)
            {
                var cursor = await db.Cursors.AsNoTracking().FirstOrDefaultAsync(c => c.Name == CursorName, ct);
                from = cursor is null ? DateTime.MinValue : cursor.SinceUtc - Margin;
            }

            var cases = await scope.ServiceProvider.GetRequiredService<ICasesApi>().CompletedSinceAsync(from.Value, page, ct);
            var types = await db.Types.AsNoTracking().ToListAsync(ct);
            var issuers = await db.Issuers.AsNoTracking().ToDictionaryAsync(i => i.DepartmentCode, ct);
            foreach (var completed in cases.Where(c => c.Decision == CaseDecision.Approved && issuers.ContainsKey(c.DepartmentCode)))
            {
                foreach (var type in types.Where(t => t.ProducedBy.Contains(completed.ItemCode)))
                {
                    issued += await IssueAsync(completed, type, ct) ? 1 : 0;
                }
            }

            if (cases.Count > 0)
            {
                await MoveCursorAsync(cases[^1].CompletedAtUtc, ct);
            }

            // Stop at the end of the feed, or when a full page did not move forward (all at one instant): the next tick goes on.
            if (cases.Count < page || cases[^1].CompletedAtUtc == from)
            {
                return issued;
            }

            from = cases[^1].CompletedAtUtc;
        }
    }

    private async Task<bool> IssueAsync(CompletedCase completed, LicenceType type, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        if (await db.Licences.AnyAsync(l => l.SourceCaseId == completed.Id && l.TypeCode == type.Code, ct))
        {
            return false;
        }

        var issuer = await db.Issuers.FirstAsync(i => i.DepartmentCode == completed.DepartmentCode, ct);
        var order = OrderFor(completed, type, issuer);
        var result = await scope.ServiceProvider.GetRequiredService<LicenceIssuing>().IssueAsync(issuer, [order], Issuer, ct);
        if (result.IsFailure && await db.Licences.AnyAsync(l => l.SourceCaseId == completed.Id && l.TypeCode == type.Code, ct))
        {
            return false; // another node (or pass) issued it at the same moment
        }

        if (result.IsFailure)
        {
            // Kept out of the licence register, but not silent: the department sees it in the audit trail and the log.
            LogSkipped(logger, completed.Number, type.Code, result.Error!.Code);
            db.ChangeTracker.Clear();
            db.Audit.Add(AuditEntry.Record(Issuer, "licences.auto_issue_skipped", completed.Number ?? completed.Id.ToString(), $"{type.Code}: {result.Error.Code}", TimeProvider.System));
            await db.SaveChangesAsync(ct);
            return false;
        }

        return true;
    }

    /// <summary>The licence a case produces: the holder from the applicant, the face from the type's field sources.</summary>
    internal static IssueOrder OrderFor(CompletedCase c, LicenceType type, Issuer issuer)
    {
        var holder = type.HolderKind == HolderKind.NaturalPerson
            ? new LicenceHolder(HolderKind.NaturalPerson, c.ApplicantName, c.ApplicantIdNumber ?? "", c.ApplicantAccountId)
            : new LicenceHolder(HolderKind.LegalPerson, c.LegalPersonName ?? "", c.LegalPersonCreditCode ?? "", null);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            var value = field.From switch
            {
                null => null,
                "applicant.name" => c.ApplicantName,
                "applicant.idNumber" => c.ApplicantIdNumber,
                "applicant.creditCode" => c.LegalPersonCreditCode,
                "applicant.legalPersonName" => c.LegalPersonName,
                "case.number" => c.Number,
                "case.item" => c.ItemName,
                "issuer.name" => issuer.Name,
                "date.issued" => DateOnly.FromDateTime(c.CompletedAtUtc.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                var f when f.StartsWith("form.", StringComparison.Ordinal) => c.Form.GetValueOrDefault(f[5..]),
                var f when f.StartsWith('=') => f[1..],
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields[field.Name] = value;
            }
        }

        return new IssueOrder(type, holder, fields, c.Id);
    }

    private async Task MoveCursorAsync(DateTime to, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var cursor = await db.Cursors.FirstOrDefaultAsync(c => c.Name == CursorName, ct);
        if (cursor is null)
        {
            db.Cursors.Add(new CaseCursor { Name = CursorName, SinceUtc = to });
        }
        else if (cursor.SinceUtc < to)
        {
            cursor.SinceUtc = to;
            cursor.Revision++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node moved it at the same time; the next pass reads from wherever it is.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No licence of type {Type} for case {Number}: {Code}")]
    private static partial void LogSkipped(ILogger logger, string? number, string type, string code);
}

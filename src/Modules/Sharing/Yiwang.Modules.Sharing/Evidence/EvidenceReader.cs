using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Sharing.Calling;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// Reading the evidence log: a data admin sees the calls where their department provided or consumed (the platform admin
/// all of them); a person sees the successful calls that returned their data (数据使用记录), found by the digest of
/// their ID number, with the consumer department, the resource and the purpose.
/// </summary>
internal sealed class EvidenceReader(SharingDbContext db, EvidenceDbContext log, SharingAccess access, IIdentityApi identity, IReferenceApi reference, SubjectDigests digests)
{
    public async Task<IReadOnlyList<EvidenceView>> ListAsync(ClaimsPrincipal user, long? before, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is not { } department)
        {
            return [];
        }

        var query = log.Evidence.AsNoTracking();
        if (!access.IsPlatformAdmin(user))
        {
            query = query.Where(r => r.ProviderDepartmentCode == department || r.ConsumerDepartmentCode == department);
        }

        if (before is { } b)
        {
            query = query.Where(r => r.Seq < b);
        }

        var rows = await query.OrderByDescending(r => r.Seq).Take(200).ToListAsync(ct);
        return [.. rows.Select(r => new EvidenceView(r.Seq, r.AtUtc, r.ClientId, r.ConsumerDepartmentCode, r.ProviderDepartmentCode, r.ResourceCode, r.Items,
            r.Purpose, r.CaseRef, r.Outcome, r.ResultCount, r.Hash))];
    }

    public async Task<IReadOnlyList<DataUseView>> MyDataUseAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (access.AccountOf(user) is not { } account || await identity.ProfileAsync(account, ct) is not { IdNumber: { Length: > 0 } idNumber })
        {
            return [];
        }

        var digest = digests.Of(idNumber);
        // The index holds the records up to its mark; the few after it (SubjectIndexer writes them behind the log) are
        // read from the log itself, so a use shows at once.
        var mark = await log.SubjectMarks.AsNoTracking().Where(m => m.Id == 1).Select(m => m.IndexedSeq).FirstOrDefaultAsync(ct);
        var recent = await log.Evidence.AsNoTracking().Where(r => r.Seq > mark && r.Subjects.Contains(digest)).OrderByDescending(r => r.Seq).Take(200).ToListAsync(ct);
        var indexed = await (from s in log.EvidenceSubjects.AsNoTracking()
                             where s.Digest == digest && s.Seq <= mark
                             join r in log.Evidence.AsNoTracking() on s.Seq equals r.Seq
                             orderby r.Seq descending
                             select r).Take(200 - recent.Count).ToListAsync(ct);
        var rows = recent.Concat(indexed).ToList();
        var codes = rows.Select(r => r.ResourceCode).Distinct().ToList();
        var resources = await db.Resources.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        var departments = await reference.FindDepartmentsAsync([.. rows.Select(r => r.ConsumerDepartmentCode).Distinct()], ct);
        return [.. rows.Select(r => new DataUseView(r.AtUtc, departments.GetValueOrDefault(r.ConsumerDepartmentCode)?.Name ?? r.ConsumerDepartmentCode,
            resources.GetValueOrDefault(r.ResourceCode)?.Name ?? r.ResourceCode,
            string.Join('、', r.Items.Split(',').Select(i => resources.GetValueOrDefault(r.ResourceCode)?.Item(i)?.Label ?? i)), r.Purpose, r.CaseRef))];
    }
}

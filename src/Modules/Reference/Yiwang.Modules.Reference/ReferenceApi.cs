using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Reference.Domain;
using Yiwang.Modules.Reference.Persistence;

namespace Yiwang.Modules.Reference;

internal sealed class ReferenceApi(RegionDirectory regions, ReferenceDbContext db, TimeProvider clock, IActorAccessor actor) : IReferenceApi
{
    public RegionInfo? FindRegion(string code) => regions.Find(code);

    public IReadOnlyList<RegionInfo> ChildrenOf(string? code) =>
        code is null ? regions.Provinces : regions.Find(code) is { } r ? regions.ChildrenOf(r.Code) : [];

    public async Task<DepartmentInfo?> FindDepartmentAsync(string code, CancellationToken ct) =>
        (await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct))?.ToInfo();

    public async Task<IReadOnlyDictionary<string, DepartmentInfo>> FindDepartmentsAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        codes.Count == 0 ? new Dictionary<string, DepartmentInfo>()
            : (await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToListAsync(ct)).ToDictionary(d => d.Code, d => d.ToInfo());

    public async Task<IReadOnlyDictionary<string, DepartmentInfo>> AllDepartmentsAsync(CancellationToken ct) =>
        (await db.Departments.AsNoTracking().ToListAsync(ct)).ToDictionary(d => d.Code, d => d.ToInfo());

    public async Task<Result<int>> EnsureDepartmentsAsync(IReadOnlyCollection<DepartmentInfo> departments, CancellationToken ct)
    {
        var existing = await db.Departments.AsNoTracking().Select(d => new { d.Code, d.CreditCode }).ToListAsync(ct);
        var codes = existing.Select(e => e.Code).ToHashSet();
        var credits = existing.Where(e => e.CreditCode != null).Select(e => e.CreditCode!).ToHashSet();
        var created = 0;
        foreach (var info in departments.DistinctBy(d => d.Code).Where(d => !codes.Contains(d.Code)))
        {
            if (regions.Find(info.RegionCode) is not { } region)
            {
                return DepartmentErrors.UnknownRegion with { Message = $"Department {info.Code}: no such region {info.RegionCode}." };
            }

            var credit = info.CreditCode is { } c && credits.Add(c) ? c : null;
            var department = Department.Create(Ids.New(clock), info.Code, info.Name, credit, region.Code, info.ParentCode, clock.GetUtcNow());
            if (department.IsFailure)
            {
                return department.Error! with { Message = $"Department {info.Code}: {department.Error!.Message}" };
            }

            db.Departments.Add(department.Value!);
            db.Audit.Add(AuditEntry.Record(actor.Current, "reference.department_created", info.Code, info.Name, clock));
            created++;
        }

        await db.SaveChangesAsync(ct);
        return created;
    }
}

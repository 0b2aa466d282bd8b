using System.Security.Claims;
using System.Text;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Kernel.Storage;
using Yiwang.Modules.Licences.Contracts;

namespace Yiwang.Modules.Cases;

/// <summary>
/// 免证办: when the guide says an electronic licence type may replace a material, and the applicant holds a valid one,
/// the licence is fetched (its use recorded by the licences module under this case), verified, and filed as the
/// material: its credential is the stored file and the clerk sees the licence identifier. The applicant uploads
/// nothing for it. Applying online is the applicant's own act, so it is their authorisation; the licences module records it as one
/// (to the case's department, revocable from the wallet).
/// </summary>
internal sealed class LicenceStandIns(CasesDbContext db, ILicenceUses licences, IFileStore files, IActorAccessor actors, TimeProvider clock)
{
    /// <summary>Files a licence for each required material a licence may replace; returns how many were filed.</summary>
    public async Task<int> AttachAsync(ClaimsPrincipal applicant, ServiceCase c, CancellationToken ct)
    {
        var filed = 0;
        foreach (var material in c.Item.Materials.Where(m => m.ReplacedByLicenceType is not null))
        {
            var purpose = $"办理“{c.Item.Name}”，代替材料“{material.Name}”";
            if (await licences.UseForCaseAsync(applicant, material.ReplacedByLicenceType!, c.Id, c.DepartmentCode, purpose, ct) is not { Verdict: Verdict.Valid } use)
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(use.Credential);
            var sha = await files.PutAsync(bytes, ct);
            db.Materials.Add(CaseMaterial.FromLicence(Ids.New(clock), c.Id, material.Name, use.Identifier, bytes.Length, sha, clock.GetUtcNow()));
            db.Audit.Add(AuditEntry.Record(actors.Current, "cases.material_from_licence", c.Id.ToString(), use.Identifier, clock));
            filed++;
        }

        if (filed > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return filed;
    }
}

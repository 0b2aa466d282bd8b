using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences.Seeding;

/// <summary>
/// Demo licence catalogue and issuers: the business licence of an individual business (个体工商户营业执照), issued by the
/// Guang'an market regulator with Ed25519, and the marriage certificate (结婚证), issued by the Wuhou civil affairs
/// bureau with SM2. The credit codes are made up for the demo (valid check characters, no real organisation).
/// </summary>
internal sealed class LicencesDemoSeeder(LicencesDbContext db, IssuerKeyring keyring, TimeProvider clock) : Kernel.Modules.IDemoSeeder
{
    public const string BusinessLicenceType = "11100000MB0143028R001";
    public const string MarriageCertificateType = "11100000MB00000132001";
    public const string GuanganRegulator = "11511602MB00000012";
    public const string WuhouCivilAffairs = "11511602MB00000025";

    public int Order => 150;

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        LicenceType[] types =
        [
            LicenceType.Create(BusinessLicenceType, "个体工商户营业执照", "国家市场监督管理总局", "县级", HolderKind.NaturalPerson,
                [
                    new("经营者", "经营者", true, "applicant.name"),
                    new("组成形式", "组成形式", true, "=个人经营"),
                    new("经营场所", "经营场所", false, "form.address"),
                    new("经营范围", "经营范围", true, "form.request"),
                    new("登记机关", "登记机关", true, "issuer.name"),
                    new("注册日期", "注册日期", true, "date.issued"),
                    new("办件编号", "办件编号", false, "case.number"),
                ],
                null, ["511602-SCJG-001", "510107-SCJG-001"], ["营业执照"], now).Value!,
            LicenceType.Create(MarriageCertificateType, "结婚证", "中华人民共和国民政部", "县级", HolderKind.NaturalPerson,
                [
                    new("持证人", "持证人", true, "applicant.name"),
                    new("登记日期", "登记日期", true, "date.issued"),
                    new("登记机关", "登记机关", true, "issuer.name"),
                    new("结婚证字号", "结婚证字号", false, "case.number"),
                ],
                null, ["510107-MZ-001", "511602-MZ-001"], ["结婚证"], now).Value!,
        ];
        foreach (var type in types)
        {
            if (!await db.Types.AnyAsync(t => t.Code == type.Code, ct))
            {
                db.Types.Add(type);
                added++;
            }
        }

        Issuer[] issuers =
        [
            Issuer.Create("GA-SCJG", GuanganRegulator, "广安市广安区市场监督管理局", SigningAlgorithm.Ed25519),
            Issuer.Create("WH-MZ", WuhouCivilAffairs, "成都市武侯区民政局", SigningAlgorithm.Sm2),
        ];
        var newIssuers = new List<Issuer>();
        foreach (var issuer in issuers)
        {
            if (!await db.Issuers.AnyAsync(i => i.DepartmentCode == issuer.DepartmentCode || i.CreditCode == issuer.CreditCode, ct))
            {
                db.Issuers.Add(issuer);
                newIssuers.Add(issuer);
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var issuer in newIssuers)
        {
            await keyring.SigningKeyAsync(db, issuer, ct);
        }

        return $"licences: {added} licence types, {newIssuers.Count} issuers (GA-SCJG signs with Ed25519, WH-MZ with SM2)";
    }
}

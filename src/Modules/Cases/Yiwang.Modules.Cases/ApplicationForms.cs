using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Cases;

/// <summary>
/// The smart form (智能表单) of an item: the applicant block every GB/T 39046 application record needs, the legal-person
/// block for items that serve enterprises, and the request itself. Values the platform already knows are pre-filled
/// (表单一键填) from the person's identity, the legal person they act for, and their latest earlier case.
/// </summary>
internal sealed class ApplicationForms(CasesDbContext db, IIdentityApi identity)
{
    public const string Name = "applicantName";
    public const string IdNumber = "applicantIdNumber";
    public const string Phone = "applicantPhone";
    public const string Address = "address";
    public const string Enterprise = "enterpriseName";
    public const string CreditCode = "creditCode";
    public const string Request = "request";

    public static IReadOnlyList<FormField> Schema(ItemSnapshot item) =>
    [
        new(Name, "申请人姓名", true, 50, null, null),
        new(IdNumber, "申请人证件号码（居民身份证）", true, 18, null, null),
        new(Phone, "联系电话", true, 20, null, null),
        new(Address, "通讯地址", false, 200, null, null),
        .. item.ForLegalPersons
            ? new FormField[] { new(Enterprise, "企业（单位）名称", false, 100, null, null), new(CreditCode, "统一社会信用代码", false, 18, null, null) }
            : [],
        new(Request, "申请事项说明", true, 1000, null, null),
    ];

    /// <summary>The schema with the caller's known values filled in.</summary>
    public async Task<IReadOnlyList<FormField>> PrefillAsync(ItemSnapshot item, Guid? accountId, string? creditCode, CancellationToken ct)
    {
        var schema = Schema(item);
        if (accountId is not { } id || await identity.ProfileAsync(id, ct) is not { } me)
        {
            return schema;
        }

        var legal = me.ActsFor.FirstOrDefault(l => l.CreditCode == creditCode);
        var latest = await db.Cases.AsNoTracking().Where(c => c.ApplicantAccountId == id && c.State != CaseState.Draft)
            .OrderByDescending(c => c.CreatedAtUtc).Select(c => c.Form).FirstOrDefaultAsync(ct);
        return [.. schema.Select(f => f.Key switch
        {
            Name => f with { Value = me.Name, Source = "identity" },
            IdNumber => f with { Value = me.IdNumber, Source = me.IdNumber is null ? null : "identity" },
            Phone => f with { Value = me.Phone, Source = me.Phone is null ? null : "identity" },
            Enterprise when legal is not null => f with { Value = legal.Name, Source = "legal-person" },
            CreditCode when legal is not null => f with { Value = legal.CreditCode, Source = "legal-person" },
            Address when latest?.GetValueOrDefault(Address) is { Length: > 0 } address => f with { Value = address, Source = "history" },
            _ => f,
        })];
    }

    /// <summary>Checks the submitted values against the schema; returns the clean values or the keys at fault.</summary>
    public static (Dictionary<string, string> Values, List<string> Faults) Validate(IReadOnlyList<FormField> schema, IReadOnlyDictionary<string, string>? submitted)
    {
        var values = new Dictionary<string, string>();
        var faults = new List<string>();
        foreach (var field in schema)
        {
            var value = submitted?.GetValueOrDefault(field.Key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required)
                {
                    faults.Add(field.Key);
                }

                continue;
            }

            if (value.Length > field.MaxLength || (field.Key == IdNumber && !ResidentIdNumber.IsValid(value.ToUpperInvariant())))
            {
                faults.Add(field.Key);
                continue;
            }

            values[field.Key] = field.Key == IdNumber ? value.ToUpperInvariant() : value;
        }

        return (values, faults);
    }

    /// <summary>免填写: fields whose submitted value is exactly what the platform pre-filled.</summary>
    public static int CountPrefilled(IReadOnlyList<FormField> prefilled, IReadOnlyDictionary<string, string> values) =>
        prefilled.Count(f => f.Value is not null && values.GetValueOrDefault(f.Key) == f.Value);
}

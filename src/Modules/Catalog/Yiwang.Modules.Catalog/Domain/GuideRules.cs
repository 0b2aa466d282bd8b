using Yiwang.Modules.Catalog.Contracts;

namespace Yiwang.Modules.Catalog.Domain;

/// <summary>One broken rule of a guide: which field and why (the row-level report of imports uses the same shape).</summary>
internal sealed record FieldProblem(string Field, string Reason);

/// <summary>The rules every published or drafted guide must satisfy, shared by the API and the importer.</summary>
internal static class GuideRules
{
    public const int MaxLimitDays = 2600;

    /// <summary>Replaces nulls that JSON clients may send for lists with empty lists, and trims the name.</summary>
    public static ItemGuide Normalize(ItemGuide guide) => guide with
    {
        Name = guide.Name?.Trim() ?? "",
        TypeCode = guide.TypeCode?.Trim() ?? "",
        Aliases = guide.Aliases ?? [],
        ExerciseLevels = guide.ExerciseLevels ?? [],
        ServiceObjects = guide.ServiceObjects ?? [],
        Materials = guide.Materials ?? [],
        ProcessSteps = guide.ProcessSteps ?? [],
        Fees = guide.Fees ?? [],
        Channels = guide.Channels ?? [],
        Flags = guide.Flags ?? [],
        Faqs = guide.Faqs ?? [],
    };

    public static List<FieldProblem> Check(ItemGuide guide)
    {
        var problems = new List<FieldProblem>();
        void Require(bool ok, string field, string reason)
        {
            if (!ok)
            {
                problems.Add(new FieldProblem(field, reason));
            }
        }

        Require(!string.IsNullOrWhiteSpace(guide.Name) && guide.Name.Length <= 200, "name", "事项名称 is required, at most 200 characters.");
        Require(CodeTables.ItemTypes.ContainsKey(guide.TypeCode ?? ""), "typeCode", "事项类型代码 must be one of GB/T 39046 A.1 (01–11, 20).");
        Require(guide.ExerciseLevels.All(CodeTables.ExerciseLevels.ContainsKey), "exerciseLevels", "行使层级代码 must be 1–7.");
        Require(guide.ServiceObjects.All(CodeTables.ServiceObjects.ContainsKey), "serviceObjects", "服务对象代码 must be 1–6.");
        Require(guide.Channels.All(CodeTables.Channels.ContainsKey), "channels", "Channels are window, web, mobile, post, self-service.");
        Require(guide.Flags.All(ItemFlags.Labels.ContainsKey), "flags", "Unknown flag; see ItemFlags.");
        Require(guide.Aliases.Count <= 20 && guide.Aliases.All(a => a.Length is > 0 and <= 100), "aliases", "At most 20 aliases of 1–100 characters.");
        Require(guide.StatutoryLimitDays is null or >= 0 and <= MaxLimitDays, "statutoryLimitDays", $"法定办结时限 is 0–{MaxLimitDays} working days.");
        Require(guide.PromisedLimitDays is null or >= 0 and <= MaxLimitDays, "promisedLimitDays", $"承诺办结时限 is 0–{MaxLimitDays} working days.");
        Require(guide.StatutoryLimitDays is null || guide.PromisedLimitDays is null || guide.PromisedLimitDays <= guide.StatutoryLimitDays,
            "promisedLimitDays", "承诺办结时限 cannot exceed 法定办结时限.");
        Require(guide.HandlingKind != HandlingKind.Instant || guide.PromisedLimitDays is null or 0, "promisedLimitDays", "即办件 are done the same day (promised limit 0).");
        Require(guide.VisitsRequired is null or >= 0 and <= 20, "visitsRequired", "到办事现场次数 is 0–20.");
        Require(guide.Materials.Count <= 200, "materials", "At most 200 materials.");
        for (var i = 0; i < guide.Materials.Count; i++)
        {
            var m = guide.Materials[i];
            Require(m is not null && !string.IsNullOrWhiteSpace(m.Name) && m.Name.Length <= 200, $"materials[{i}].name", "材料名称 is required, at most 200 characters.");
            Require(m is null || m.Count is >= 0 and <= 99, $"materials[{i}].count", "份数 is 0–99.");
            Require(m?.ReplacedByLicenceType is null || ServiceItem.IsValidCode(m.ReplacedByLicenceType), $"materials[{i}].replacedByLicenceType", "A licence type code is 2–64 letters or digits.");
        }

        for (var i = 0; i < guide.ProcessSteps.Count; i++)
        {
            var s = guide.ProcessSteps[i];
            Require(s is not null && !string.IsNullOrWhiteSpace(s.Name) && s.Name.Length <= 100, $"processSteps[{i}].name", "环节名称 is required, at most 100 characters.");
            Require(s?.LimitDays is null or >= 0 and <= MaxLimitDays, $"processSteps[{i}].limitDays", "Step limit is 0–2600 working days.");
        }

        Require(guide.Fees.All(f => f is not null && !string.IsNullOrWhiteSpace(f.Name) && !string.IsNullOrWhiteSpace(f.Standard)), "fees", "Each fee needs a name and a standard.");
        foreach (var (field, value, max) in new (string, string?, int)[]
        {
            ("legalBasis", guide.LegalBasis, 8000), ("conditions", guide.Conditions, 8000), ("limitNote", guide.LimitNote, 1000),
            ("place", guide.Place, 500), ("hours", guide.Hours, 500), ("consultPhone", guide.ConsultPhone, 64),
            ("complaintPhone", guide.ComplaintPhone, 64), ("resultName", guide.ResultName, 200), ("mainItemName", guide.MainItemName, 200),
        })
        {
            Require(value is null || value.Length <= max, field, $"At most {max} characters.");
        }

        return problems;
    }
}

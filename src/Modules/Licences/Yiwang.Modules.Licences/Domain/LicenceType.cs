using Yiwang.Modules.Licences.Contracts;

namespace Yiwang.Modules.Licences.Domain;

/// <summary>A licence type (证照类型) in the licence catalogue (证照目录): its face fields, validity and the items that produce or consume it.</summary>
internal sealed class LicenceType
{
    private LicenceType()
    {
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string DefiningAuthority { get; private set; } = "";
    public string IssuerLevel { get; private set; } = "";
    public HolderKind HolderKind { get; private set; }
    public IReadOnlyList<LicenceField> Fields { get; private set; } = [];
    public int? ValidityYears { get; private set; }
    public IReadOnlyList<string> ProducedBy { get; private set; } = [];
    public IReadOnlyList<string> Replaces { get; private set; } = [];
    public DateTime CreatedAtUtc { get; private set; }

    public static Kernel.Results.Result<LicenceType> Create(
        string? code, string? name, string? definingAuthority, string? issuerLevel, HolderKind holderKind, IReadOnlyList<LicenceField>? fields,
        int? validityYears, IReadOnlyList<string>? producedBy, IReadOnlyList<string>? replaces, DateTimeOffset now)
    {
        if (!LicenceIdentifier.IsTypeCode(code))
        {
            return LicenceErrors.InvalidTypeCode;
        }

        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(definingAuthority) || fields is not { Count: > 0 }
            || fields.Any(f => string.IsNullOrWhiteSpace(f.Name) || string.IsNullOrWhiteSpace(f.Label))
            || fields.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != fields.Count
            || validityYears is < 1 or > 100)
        {
            return LicenceErrors.InvalidType;
        }

        return new LicenceType
        {
            Code = code!,
            Name = name.Trim(),
            DefiningAuthority = definingAuthority.Trim(),
            IssuerLevel = string.IsNullOrWhiteSpace(issuerLevel) ? "县级" : issuerLevel.Trim(),
            HolderKind = holderKind,
            Fields = [.. fields],
            ValidityYears = validityYears,
            ProducedBy = [.. (producedBy ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct()],
            Replaces = [.. (replaces ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct()],
            CreatedAtUtc = now.UtcDateTime,
        };
    }

    public LicenceTypeView ToView() => new(Code, Name, DefiningAuthority, IssuerLevel, HolderKind, Fields, ValidityYears, ProducedBy, Replaces);
}

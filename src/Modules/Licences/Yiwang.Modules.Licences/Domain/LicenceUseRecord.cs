namespace Yiwang.Modules.Licences.Domain;

/// <summary>A use of a licence (用证记录): kept for the holder to see who used it, when and for what.</summary>
internal sealed class LicenceUseRecord
{
    private LicenceUseRecord()
    {
    }

    public Guid Id { get; private set; }
    public Guid LicenceId { get; private set; }
    public string Identifier { get; private set; } = "";
    public string UsedBy { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public Guid? CaseId { get; private set; }
    public DateTime AtUtc { get; private set; }

    public static LicenceUseRecord Record(Guid id, Licence licence, string usedBy, string purpose, Guid? caseId, DateTimeOffset now) => new()
    {
        Id = id,
        LicenceId = licence.Id,
        Identifier = licence.Identifier,
        UsedBy = usedBy,
        Purpose = purpose.Length > 200 ? purpose[..200] : purpose,
        CaseId = caseId,
        AtUtc = now.UtcDateTime,
    };
}

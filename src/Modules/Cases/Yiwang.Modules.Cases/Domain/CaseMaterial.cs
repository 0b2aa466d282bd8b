using Yiwang.Modules.Cases.Contracts;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>How a clerk judged a material (材料审核).</summary>
internal enum MaterialReview
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// One uploaded file for one material of the guide. The bytes live in the file store under their SHA-256, so a file
/// reused from an earlier case (材料复用) is the same stored object with a new record here.
/// </summary>
internal sealed class CaseMaterial
{
    private CaseMaterial()
    {
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string MaterialName { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public Guid? ReusedFromCaseId { get; private set; }
    public MaterialReview Review { get; private set; }
    public string? ReviewReason { get; private set; }
    public string? ReviewedBy { get; private set; }

    /// <summary>The electronic licence that stands in for this material (免证办); the stored file is its credential.</summary>
    public string? LicenceIdentifier { get; private set; }

    public static CaseMaterial Create(Guid id, Guid caseId, string materialName, string fileName, string contentType, long size, string sha256, string uploadedBy, Guid? reusedFrom, DateTimeOffset now) => new()
    {
        Id = id,
        CaseId = caseId,
        MaterialName = materialName,
        FileName = fileName,
        ContentType = contentType,
        Size = size,
        Sha256 = sha256,
        UploadedAtUtc = now.UtcDateTime,
        UploadedBy = uploadedBy,
        ReusedFromCaseId = reusedFrom,
        Review = MaterialReview.Pending,
    };

    /// <summary>A verified electronic licence in place of a material: the applicant uploads nothing.</summary>
    public static CaseMaterial FromLicence(Guid id, Guid caseId, string materialName, string identifier, long size, string sha256, DateTimeOffset now)
    {
        var material = Create(id, caseId, materialName, identifier + ".sd-jwt", "application/vc+sd-jwt", size, sha256, "电子证照库", null, now);
        material.LicenceIdentifier = identifier;
        return material;
    }

    public bool Counts => Review != MaterialReview.Rejected;

    public Kernel.Results.Result Judge(bool accepted, string? reason, string reviewer)
    {
        if (!accepted && (string.IsNullOrWhiteSpace(reason) || reason.Length > 500))
        {
            return CaseErrors.ReasonRequired;
        }

        Review = accepted ? MaterialReview.Accepted : MaterialReview.Rejected;
        ReviewReason = accepted ? null : reason!.Trim();
        ReviewedBy = reviewer;
        return Kernel.Results.Result.Success;
    }

    public MaterialView ToView() => new(Id, MaterialName, FileName, ContentType, Size, Sha256, UploadedAtUtc, ReusedFromCaseId, Review.ToString(), ReviewReason, LicenceIdentifier);
}

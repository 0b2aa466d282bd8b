using Yiwang.Modules.Cases.Contracts;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>
/// One evaluation (好差评, GB/T 39046 Table 9) of a completed case or a finished hall service: five levels, an optional
/// comment, first rating or follow-up (追评). A bad one (差评) opens a rectification task.
/// </summary>
internal sealed class Rating : IScopedRecord
{
    private Rating()
    {
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public string SubjectKind { get; private set; } = "";
    public string DepartmentCode { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public SatisfactionLevel Level { get; private set; }
    public string? Comment { get; private set; }
    public string Channel { get; private set; } = "";
    public int Sequence { get; private set; }
    public string RaterId { get; private set; } = "";
    public DateTime RatedAtUtc { get; private set; }

    public bool IsBad => Level is SatisfactionLevel.Dissatisfied or SatisfactionLevel.VeryDissatisfied;

    public static Kernel.Results.Result<Rating> Create(
        Guid id, Guid subjectId, string subjectKind, string departmentCode, string regionCode, SatisfactionLevel? level, string? comment,
        string channel, int sequence, string raterId, DateTimeOffset now)
    {
        if (level is null || !Enum.IsDefined(level.Value) || comment is { Length: > 500 })
        {
            return CaseErrors.InvalidRating;
        }

        return new Rating
        {
            Id = id,
            SubjectId = subjectId,
            SubjectKind = subjectKind,
            DepartmentCode = departmentCode,
            RegionCode = regionCode,
            Level = level.Value,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Channel = channel,
            Sequence = sequence,
            RaterId = raterId,
            RatedAtUtc = now.UtcDateTime,
        };
    }
}

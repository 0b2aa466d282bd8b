namespace Yiwang.Modules.Cases.Domain;

/// <summary>What an electronic-supervision alert (电子监察预警) is about.</summary>
internal enum AlertKind
{
    /// <summary>黄灯预警: the configured share of the limit is used.</summary>
    Warning,
    /// <summary>红灯超期: overdue; escalated to the supervisors of the case's region.</summary>
    Overdue,
    /// <summary>A hall ticket has waited longer than the configured time.</summary>
    HallWait,
    /// <summary>A rectification task passed its deadline.</summary>
    RectificationOverdue,
}

/// <summary>
/// One alert raised by the time-limit sweep. (Subject, Kind, Round) is unique, so a sweep that runs twice, or on two
/// nodes, or again after a restart, cannot raise the same alert twice; the subject's own flag means none is missed.
/// </summary>
internal sealed class TimeAlert : IScopedRecord
{
    private TimeAlert()
    {
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public AlertKind Kind { get; private set; }
    public int Round { get; private set; }
    public string? CaseNumber { get; private set; }
    public string DepartmentCode { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime RaisedAtUtc { get; private set; }

    public static TimeAlert Raise(Guid id, Guid subjectId, AlertKind kind, int round, string? caseNumber, string departmentCode, string regionCode, string text, DateTimeOffset now) => new()
    {
        Id = id,
        SubjectId = subjectId,
        Kind = kind,
        Round = round,
        CaseNumber = caseNumber,
        DepartmentCode = departmentCode,
        RegionCode = regionCode,
        Text = text,
        RaisedAtUtc = now.UtcDateTime,
    };
}

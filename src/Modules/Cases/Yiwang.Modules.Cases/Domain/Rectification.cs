using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>Where a rectification task (差评整改) stands.</summary>
internal enum RectificationState
{
    /// <summary>Assigned to the responsible department (谁办理、谁负责).</summary>
    Open,
    /// <summary>The rater was called back (回访核实).</summary>
    CalledBack,
    /// <summary>Closed with an explanation (整改反馈).</summary>
    Closed,
}

/// <summary>How a bad rating was resolved (standards §3.5).</summary>
internal enum RectificationOutcome
{
    /// <summary>立行立改.</summary>
    RectifiedNow,
    /// <summary>建立台账、限期整改.</summary>
    Ledger,
    /// <summary>解释说明 (no legal basis for the request).</summary>
    Explained,
    /// <summary>申诉复核: a mistaken or malicious rating, excluded after review.</summary>
    Appealed,
}

/// <summary>A rectification task opened by a bad rating, with a working-day deadline, a callback record and a closing explanation.</summary>
internal sealed class Rectification : IScopedRecord
{
    private Rectification()
    {
    }

    public Guid Id { get; private set; }
    public Guid RatingId { get; private set; }
    public Guid SubjectId { get; private set; }
    public string DepartmentCode { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public RectificationState State { get; private set; }
    public DateTime OpenedAtUtc { get; private set; }
    public DateTime DueAtUtc { get; private set; }
    public string? CallbackNote { get; private set; }
    public DateTime? CalledBackAtUtc { get; private set; }
    public RectificationOutcome? Outcome { get; private set; }
    public string? Explanation { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? OverdueRaisedAtUtc { get; private set; }
    public int Revision { get; private set; }

    public static Rectification Open(Guid id, Rating rating, DateTimeOffset due, DateTimeOffset now) => new()
    {
        Id = id,
        RatingId = rating.Id,
        SubjectId = rating.SubjectId,
        DepartmentCode = rating.DepartmentCode,
        RegionCode = rating.RegionCode,
        State = RectificationState.Open,
        OpenedAtUtc = now.UtcDateTime,
        DueAtUtc = due.UtcDateTime,
    };

    public Result RecordCallback(string? note, DateTimeOffset now)
    {
        if (State == RectificationState.Closed)
        {
            return CaseErrors.RectificationClosed;
        }

        if (string.IsNullOrWhiteSpace(note) || note.Length > 1000)
        {
            return CaseErrors.ReasonRequired;
        }

        CallbackNote = note.Trim();
        CalledBackAtUtc = now.UtcDateTime;
        State = RectificationState.CalledBack;
        Revision++;
        return Result.Success;
    }

    public Result Close(RectificationOutcome? outcome, string? explanation, string closedBy, DateTimeOffset now)
    {
        if (State == RectificationState.Closed)
        {
            return CaseErrors.RectificationClosed;
        }

        if (State != RectificationState.CalledBack)
        {
            return CaseErrors.CallbackFirst;
        }

        if (outcome is null || string.IsNullOrWhiteSpace(explanation) || explanation.Length > 1000)
        {
            return CaseErrors.ReasonRequired;
        }

        Outcome = outcome;
        Explanation = explanation.Trim();
        ClosedAtUtc = now.UtcDateTime;
        ClosedBy = closedBy;
        State = RectificationState.Closed;
        Revision++;
        return Result.Success;
    }

    public void MarkOverdueRaised(DateTimeOffset now) => OverdueRaisedAtUtc = now.UtcDateTime;
}

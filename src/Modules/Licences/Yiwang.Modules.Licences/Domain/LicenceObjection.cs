using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Licences.Domain;

/// <summary>Where an objection stands.</summary>
internal enum ObjectionState
{
    Open,
    Corrected,
    Refused,
}

/// <summary>
/// 证照数据异议: the holder (or the issuer's own staff) says some data on a licence is wrong. The issuing department must
/// answer within <c>Licences:ObjectionDays</c> working days: correct it (a new version of the licence) or refuse with an
/// explanation. The objection keeps both sides' words.
/// </summary>
internal sealed class LicenceObjection
{
    private LicenceObjection()
    {
    }

    public Guid Id { get; private set; }
    public Guid LicenceId { get; private set; }
    public string Identifier { get; private set; } = "";
    public string IssuerCode { get; private set; } = "";
    public string HolderCode { get; private set; } = "";
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public string Text { get; private set; } = "";
    public string RaisedBy { get; private set; } = "";

    /// <summary>The department that raised it (a department that used the licence with the holder's authorisation); null for the holder.</summary>
    public string? RaisedByDepartment { get; private set; }
    public DateTime RaisedAtUtc { get; private set; }
    public DateTime DueAtUtc { get; private set; }
    public ObjectionState State { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public string? CorrectedIdentifier { get; private set; }

    /// <summary>When the answer fell overdue and the objection was escalated to supervision (督办); null while in time.</summary>
    public DateTime? EscalatedAtUtc { get; private set; }

    public int Revision { get; private set; }

    public static Result<LicenceObjection> Raise(
        Guid id, Licence licence, IReadOnlyList<string>? fields, string? text, string raisedBy, DateTimeOffset now, DateTimeOffset due, string? raisedByDepartment = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1000 || fields is not { Count: > 0 } || fields.Any(f => !licence.Fields.ContainsKey(f) && f != "持证主体"))
        {
            return LicenceErrors.InvalidObjection;
        }

        return new LicenceObjection
        {
            Id = id,
            LicenceId = licence.Id,
            Identifier = licence.Identifier,
            IssuerCode = licence.IssuerCode,
            HolderCode = licence.HolderCode,
            Fields = [.. fields.Distinct()],
            Text = text.Trim(),
            RaisedBy = raisedBy,
            RaisedByDepartment = raisedByDepartment,
            RaisedAtUtc = now.UtcDateTime,
            DueAtUtc = due.UtcDateTime,
            State = ObjectionState.Open,
        };
    }

    public bool IsOverdue(DateTimeOffset now) => State == ObjectionState.Open && now.UtcDateTime > DueAtUtc;

    /// <summary>Marks an overdue objection escalated, once; false when it is answered, in time, or escalated already.</summary>
    public bool Escalate(DateTimeOffset now)
    {
        if (!IsOverdue(now) || EscalatedAtUtc is not null)
        {
            return false;
        }

        EscalatedAtUtc = now.UtcDateTime;
        Revision++;
        return true;
    }

    /// <summary>The issuer's answer: corrected (with the new version's identifier) or refused (with its explanation).</summary>
    public Result Close(bool corrected, string? answer, string? correctedIdentifier, string answeredBy, DateTimeOffset now)
    {
        if (State != ObjectionState.Open)
        {
            return LicenceErrors.ObjectionClosed;
        }

        if (string.IsNullOrWhiteSpace(answer) || answer.Length > 1000)
        {
            return LicenceErrors.ReasonRequired;
        }

        State = corrected ? ObjectionState.Corrected : ObjectionState.Refused;
        Answer = answer.Trim();
        AnsweredBy = answeredBy;
        AnsweredAtUtc = now.UtcDateTime;
        CorrectedIdentifier = correctedIdentifier;
        Revision++;
        return Result.Success;
    }
}

using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>What the case copied from the item's published guide when it was created: later guide changes do not move it.</summary>
internal sealed record ItemSnapshot(
    string Code, int Version, string Name, string DepartmentCode, string DepartmentName, string RegionCode,
    bool IsInstant, int PromisedLimitDays, int StatutoryLimitDays, IReadOnlyList<ReviewStepView> Steps, IReadOnlyList<RequiredMaterial> Materials,
    bool AcceptsOnline = true, bool ForLegalPersons = false);

/// <summary>A material the guide asks for.</summary>
internal sealed record RequiredMaterial(string Name, bool Required, string? ReplacedByLicenceType);

/// <summary>The applicant (申请人): a natural person, optionally acting for a legal person.</summary>
internal sealed record Applicant(Guid? AccountId, string Name, string? IdNumber, string? Phone, string? CreditCode, string? LegalPersonName);

/// <summary>
/// A case (办件): one application for one service item, from draft to completion. Every transition is a method that
/// checks the current state and returns a refusal instead of throwing; the time limit is counted in working days
/// from acceptance, stands still while paused (补正, 特别程序) and moves by the paused working days on resume.
/// </summary>
internal sealed class ServiceCase : IScopedRecord
{
    private ServiceCase()
    {
    }

    public Guid Id { get; private set; }
    public string? Number { get; private set; }
    public string? QueryCode { get; private set; }
    public CaseChannel Channel { get; private set; }
    public ItemSnapshot Item { get; private set; } = null!;
    public string ItemCode { get; private set; } = "";
    public string DepartmentCode { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public Applicant Applicant { get; private set; } = null!;
    public Guid? ApplicantAccountId { get; private set; }
    public string? LegalPersonCreditCode { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }
    public CaseState State { get; private set; }
    public int CurrentStep { get; private set; }
    public Dictionary<string, string> Form { get; private set; } = [];
    public int FormFieldCount { get; private set; }
    public int PrefilledFieldCount { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public DateTime? AcceptedAtUtc { get; private set; }
    public DateTime? DueAtUtc { get; private set; }
    public DateTime? WarnAtUtc { get; private set; }
    /// <summary>The share of the limit after which the light turns yellow, fixed at acceptance.</summary>
    public double WarnShare { get; private set; }
    public DateTime? StatutoryDueAtUtc { get; private set; }
    /// <summary>The due instant while the clock runs, otherwise null: what queues filter and sort by, and the sweep scans.</summary>
    public DateTime? RunningDueAtUtc { get; private set; }
    /// <summary>The warning instant while the clock runs, otherwise null.</summary>
    public DateTime? RunningWarnAtUtc { get; private set; }
    public DateTime? PausedAtUtc { get; private set; }
    public CaseState? ResumeState { get; private set; }
    public int PausedWorkingDays { get; private set; }
    public int? ExtensionRequestedDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    public int ExtensionDays { get; private set; }
    public List<string> SupplementItems { get; private set; } = [];
    public string? SupplementNote { get; private set; }
    public DateTime? SupplementRequestedAtUtc { get; private set; }
    public string? SpecialKind { get; private set; }
    public CaseDecision? Decision { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? DecisionBasis { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public DeliveryMethod? Delivery { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public string? NotAcceptedReason { get; private set; }
    public DateTime? WarningRaisedAtUtc { get; private set; }
    public DateTime? OverdueRaisedAtUtc { get; private set; }
    public int RatingCount { get; private set; }
    /// <summary>Bumped whenever the due dates are set again (acceptance, resume, extension): alerts are unique per round.</summary>
    public int DeadlineRound { get; private set; }
    public int Revision { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>States in which the time limit runs; the light is computed only for these.</summary>
    public static readonly CaseState[] ClockStates = [CaseState.InReview, CaseState.Decided];

    public static ServiceCase Create(
        Guid id, ItemSnapshot item, Applicant applicant, CaseChannel channel, Dictionary<string, string> form, int fieldCount, int prefilled,
        string createdBy, string? idempotencyKey, DateTimeOffset now) => new()
    {
        Id = id,
        Item = item,
        ItemCode = item.Code,
        DepartmentCode = item.DepartmentCode,
        RegionCode = item.RegionCode,
        Applicant = applicant,
        ApplicantAccountId = applicant.AccountId,
        LegalPersonCreditCode = applicant.CreditCode,
        Channel = channel,
        Form = form,
        FormFieldCount = fieldCount,
        PrefilledFieldCount = prefilled,
        CreatedBy = createdBy,
        IdempotencyKey = idempotencyKey,
        State = CaseState.Draft,
        CreatedAtUtc = now.UtcDateTime,
        UpdatedAtUtc = now.UtcDateTime,
    };

    public ReviewStepView? Step => State is CaseState.InReview && CurrentStep < Item.Steps.Count ? Item.Steps[CurrentStep] : null;

    public double? PrefilledShare => FormFieldCount == 0 ? null : Math.Round((double)PrefilledFieldCount / FormFieldCount, 4);

    public TimeLight LightAt(DateTimeOffset now)
    {
        if (!ClockStates.Contains(State) || DueAtUtc is not { } due)
        {
            return TimeLight.None;
        }

        var t = now.UtcDateTime;
        return t >= due ? TimeLight.Red : WarnAtUtc is { } warn && t >= warn ? TimeLight.Yellow : TimeLight.Green;
    }

    /// <summary>申报: the case gets its number and query code; every required material must be present.</summary>
    public Result Submit(string number, string queryCode, IReadOnlyCollection<string> presentMaterials, DateTimeOffset now)
    {
        if (State != CaseState.Draft)
        {
            return CaseErrors.IllegalTransition;
        }

        if (MissingMaterials(presentMaterials).Count > 0)
        {
            return CaseErrors.MaterialsMissing with { Details = MissingMaterials(presentMaterials) };
        }

        Number = number;
        QueryCode = queryCode;
        SubmittedAtUtc = now.UtcDateTime;
        return Move(CaseState.Submitted, now);
    }

    public IReadOnlyList<string> MissingMaterials(IReadOnlyCollection<string> present) =>
        [.. Item.Materials.Where(m => m.Required && !present.Contains(m.Name)).Select(m => m.Name)];

    /// <summary>预审: an online pre-check before acceptance.</summary>
    public Result PreReview(DateTimeOffset now) => State == CaseState.Submitted ? Move(CaseState.PreReviewed, now) : CaseErrors.IllegalTransition;

    /// <summary>受理: the clock starts; the promised and statutory due dates are set in working days.</summary>
    public Result Accept(IReadOnlyCollection<string> presentMaterials, IWorkingDayCalendar calendar, double warnShare, DateTimeOffset now)
    {
        if (State is not (CaseState.Submitted or CaseState.PreReviewed))
        {
            return CaseErrors.IllegalTransition;
        }

        if (MissingMaterials(presentMaterials) is { Count: > 0 } missing)
        {
            return CaseErrors.MaterialsMissing with { Details = missing };
        }

        AcceptedAtUtc = now.UtcDateTime;
        WarnShare = warnShare;
        SetDueDates(calendar, now);
        CurrentStep = 0;
        return Move(Item.Steps.Count == 0 ? CaseState.Decided : CaseState.InReview, now);
    }

    /// <summary>不予受理, with the reason told to the applicant.</summary>
    public Result RefuseAcceptance(string? reason, DateTimeOffset now)
    {
        if (State is not (CaseState.Submitted or CaseState.PreReviewed))
        {
            return CaseErrors.IllegalTransition;
        }

        if (Text(reason) is not { } r)
        {
            return CaseErrors.ReasonRequired;
        }

        NotAcceptedReason = r;
        CompletedAtUtc = now.UtcDateTime;
        return Move(CaseState.NotAccepted, now);
    }

    /// <summary>补齐补正: one notice listing every missing item, once per case; a running clock pauses.</summary>
    public Result RequestSupplement(IReadOnlyList<string>? items, string? note, DateTimeOffset now)
    {
        if (State is not (CaseState.Submitted or CaseState.PreReviewed or CaseState.InReview))
        {
            return CaseErrors.IllegalTransition;
        }

        if (SupplementRequestedAtUtc is not null)
        {
            return CaseErrors.SupplementAlreadyRequested;
        }

        var names = (items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().ToList();
        if (names.Count == 0)
        {
            return CaseErrors.SupplementItemsRequired;
        }

        if (names.FirstOrDefault(n => Item.Materials.All(m => m.Name != n)) is { } unknown)
        {
            return CaseErrors.UnknownMaterial with { Details = new[] { unknown } };
        }

        SupplementItems = names;
        SupplementNote = note is { Length: > 1000 } ? note[..1000] : note?.Trim();
        SupplementRequestedAtUtc = now.UtcDateTime;
        return Pause(CaseState.Supplementing, now);
    }

    /// <summary>补正: the applicant supplied a fresh file for every listed material.</summary>
    public Result Supplement(IReadOnlyCollection<string> suppliedSinceRequest, IWorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (State != CaseState.Supplementing)
        {
            return CaseErrors.IllegalTransition;
        }

        var missing = SupplementItems.Where(i => !suppliedSinceRequest.Contains(i)).ToList();
        return missing.Count > 0 ? CaseErrors.MaterialsMissing with { Details = missing } : Resume(calendar, now);
    }

    /// <summary>Passes the current review step (通过) to the next one; the last step ends with <see cref="Decide"/>.</summary>
    public Result PassStep(DateTimeOffset now)
    {
        if (State != CaseState.InReview || CurrentStep >= Item.Steps.Count - 1)
        {
            return CaseErrors.IllegalTransition;
        }

        CurrentStep++;
        return Touch(now);
    }

    /// <summary>准予 / 不予 at the last review step; a refusal needs its legal basis.</summary>
    public Result Decide(CaseDecision? decision, string? reason, string? basis, DateTimeOffset now)
    {
        if (State != CaseState.InReview || CurrentStep != Item.Steps.Count - 1)
        {
            return CaseErrors.IllegalTransition;
        }

        if (decision is null)
        {
            return CaseErrors.DecisionRequired;
        }

        if (Text(reason) is not { } r)
        {
            return CaseErrors.ReasonRequired;
        }

        if (decision == CaseDecision.Refused && Text(basis) is null)
        {
            return CaseErrors.LegalBasisRequired;
        }

        Decision = decision;
        DecisionReason = r;
        DecisionBasis = Text(basis);
        DecidedAtUtc = now.UtcDateTime;
        return Move(CaseState.Decided, now);
    }

    /// <summary>办结: the result is delivered; the clock stops for good.</summary>
    public Result Complete(DeliveryMethod? delivery, DateTimeOffset now)
    {
        if (State != CaseState.Decided)
        {
            return CaseErrors.IllegalTransition;
        }

        if (delivery is null)
        {
            return CaseErrors.DeliveryRequired;
        }

        if (Decision is null)
        {
            // An item without review steps is decided at acceptance (即办件 done on the spot).
            Decision = CaseDecision.Approved;
            DecisionReason = "即办件当场办结";
            DecidedAtUtc = now.UtcDateTime;
        }

        Delivery = delivery;
        CompletedAtUtc = now.UtcDateTime;
        return Move(CaseState.Completed, now);
    }

    /// <summary>特别程序 (hearing, expert review, inspection…): not counted in the limit.</summary>
    public Result StartSpecialProcedure(string? kind, string? reason, DateTimeOffset now)
    {
        if (State != CaseState.InReview)
        {
            return CaseErrors.IllegalTransition;
        }

        if (kind is not ("Hearing" or "ExpertReview" or "Inspection" or "Testing" or "Appraisal" or "Other"))
        {
            return CaseErrors.InvalidSpecialKind;
        }

        if (Text(reason) is null)
        {
            return CaseErrors.ReasonRequired;
        }

        SpecialKind = kind;
        return Pause(CaseState.SpecialProcedure, now);
    }

    /// <summary>Ends the special procedure with its result; the due dates move by the paused working days.</summary>
    public Result EndSpecialProcedure(string? result, IWorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (State != CaseState.SpecialProcedure)
        {
            return CaseErrors.IllegalTransition;
        }

        return Text(result) is null ? CaseErrors.ReasonRequired : Resume(calendar, now);
    }

    /// <summary>延长审批, step one: staff ask for more working days, once.</summary>
    public Result RequestExtension(int? days, string? reason, DateTimeOffset now)
    {
        if (State != CaseState.InReview)
        {
            return CaseErrors.IllegalTransition;
        }

        if (ExtensionDays > 0 || ExtensionRequestedDays is not null)
        {
            return CaseErrors.AlreadyExtended;
        }

        if (days is not > 0 || days > Math.Max(Item.StatutoryLimitDays, 1) || Text(reason) is null)
        {
            return CaseErrors.InvalidExtension;
        }

        ExtensionRequestedDays = days;
        ExtensionReason = Text(reason);
        return Touch(now);
    }

    /// <summary>延长审批, step two: the department head approves; the due dates move and the warnings may fire again.</summary>
    public Result ApproveExtension(IWorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (State is not (CaseState.InReview or CaseState.SpecialProcedure or CaseState.Supplementing))
        {
            return CaseErrors.IllegalTransition;
        }

        if (ExtensionRequestedDays is not { } days || ExtensionDays > 0)
        {
            return CaseErrors.NoExtensionRequested;
        }

        ExtensionDays = days;
        ExtensionRequestedDays = null;
        if (PausedAtUtc is null)
        {
            SetDueDates(calendar, now);
        }

        return Touch(now);
    }

    /// <summary>撤回: the applicant gives up before the decision.</summary>
    public Result Withdraw(DateTimeOffset now)
    {
        if (State is not (CaseState.Draft or CaseState.Submitted or CaseState.PreReviewed or CaseState.Supplementing or CaseState.InReview or CaseState.SpecialProcedure))
        {
            return CaseErrors.IllegalTransition;
        }

        PausedAtUtc = null;
        ResumeState = null;
        CompletedAtUtc = now.UtcDateTime;
        return Move(CaseState.Withdrawn, now);
    }

    /// <summary>The sweep raised the yellow warning; it stays raised until an extension moves the dates.</summary>
    public void MarkWarningRaised(DateTimeOffset now) => WarningRaisedAtUtc = now.UtcDateTime;

    /// <summary>The sweep raised the overdue escalation.</summary>
    public void MarkOverdueRaised(DateTimeOffset now) => OverdueRaisedAtUtc = now.UtcDateTime;

    public void CountRating() => RatingCount++;

    private void SetDueDates(IWorkingDayCalendar calendar, DateTimeOffset now)
    {
        var accepted = new DateTimeOffset(AcceptedAtUtc!.Value, TimeSpan.Zero);
        var due = DueAfter(calendar, accepted, Item.PromisedLimitDays + ExtensionDays + PausedWorkingDays);
        var unpaused = DueAfter(calendar, accepted, Item.PromisedLimitDays + ExtensionDays);
        DueAtUtc = due.UtcDateTime;
        DeadlineRound++;
        StatutoryDueAtUtc = DueAfter(calendar, accepted, Item.StatutoryLimitDays + ExtensionDays + PausedWorkingDays).UtcDateTime;
        // Yellow when the unused part of the limit falls to (1 - share) of it: the warning keeps the same distance before
        // the due instant however long the case was paused (the span is calendar time of the unpaused limit).
        WarnAtUtc = (due - (unpaused - accepted) * (1 - WarnShare)).UtcDateTime;
        if (WarningRaisedAtUtc is not null && now.UtcDateTime < WarnAtUtc)
        {
            WarningRaisedAtUtc = null;
        }

        if (OverdueRaisedAtUtc is not null && now.UtcDateTime < DueAtUtc)
        {
            OverdueRaisedAtUtc = null;
        }
    }

    // A same-day limit (0 working days) ends at the end of the acceptance day, Beijing time.
    private static DateTimeOffset DueAfter(IWorkingDayCalendar calendar, DateTimeOffset accepted, int days) =>
        days == 0 ? EndOfLocalDay(accepted) : calendar.AddWorkingDays(accepted, days);

    private static DateTimeOffset EndOfLocalDay(DateTimeOffset at)
    {
        var local = at.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(local.Date.AddDays(1).AddSeconds(-1), TimeSpan.FromHours(8));
    }

    private Result Pause(CaseState to, DateTimeOffset now)
    {
        ResumeState = State;
        PausedAtUtc = AcceptedAtUtc is null ? null : now.UtcDateTime;
        return Move(to, now);
    }

    private Result Resume(IWorkingDayCalendar calendar, DateTimeOffset now)
    {
        var back = ResumeState ?? CaseState.Submitted;
        if (PausedAtUtc is { } paused)
        {
            // Only whole working days lost count: a pause within one working day costs the applicant nothing extra.
            PausedWorkingDays += Math.Max(0, calendar.CountWorkingDays(new DateTimeOffset(paused, TimeSpan.Zero), now));
            PausedAtUtc = null;
            SetDueDates(calendar, now);
        }

        ResumeState = null;
        SpecialKind = null;
        return Move(back, now);
    }

    private Result Move(CaseState to, DateTimeOffset now)
    {
        State = to;
        return Touch(now);
    }

    private Result Touch(DateTimeOffset now)
    {
        var running = ClockStates.Contains(State);
        RunningDueAtUtc = running ? DueAtUtc : null;
        RunningWarnAtUtc = running ? WarnAtUtc : null;
        UpdatedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim().Length > 1000 ? null : value.Trim();
}

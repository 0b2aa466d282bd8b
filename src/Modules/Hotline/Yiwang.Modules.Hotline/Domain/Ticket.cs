using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;

namespace Yiwang.Modules.Hotline.Domain;

/// <summary>
/// A hotline ticket (工单): one appeal from a caller, through dispatch and handling to the reply and the callback
/// (回访). The caller's contact data is kept whole here and masked in every view but the agent's and the handler's.
/// </summary>
internal sealed class Ticket
{
    private Ticket()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>工单编号: 12345-{region}-{yyyyMMdd}-{sequence}.</summary>
    public string Number { get; private set; } = "";

    public TicketChannel Channel { get; private set; }
    public TicketKind Kind { get; private set; }
    public Guid? CallerAccountId { get; private set; }
    public string CallerName { get; private set; } = "";
    public string CallerPhone { get; private set; } = "";
    public bool Anonymous { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string Address { get; private set; } = "";

    /// <summary>Where it is, when the caller's device said so (WGS 84 degrees).</summary>
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string RegionCode { get; private set; } = "";
    public TicketUrgency Urgency { get; private set; }

    public bool Urgent => Urgency == TicketUrgency.Urgent;

    /// <summary>First-level category (一级分类); null until suggested or chosen.</summary>
    public string? Category { get; private set; }

    /// <summary>The node of the category tree chosen by a person (the first level or finer); null when only the model spoke.</summary>
    public string? CategoryCode { get; private set; }

    /// <summary>The staff member of the holding department it is assigned to (承办人), and their name; cleared when it leaves.</summary>
    public Guid? HandlerAccountId { get; private set; }
    public string? HandlerName { get; private set; }

    public double? Confidence { get; private set; }
    public TicketState State { get; private set; }
    public string? DepartmentCode { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? DispatchedAtUtc { get; private set; }
    public DateTime? SignDueUtc { get; private set; }
    public DateTime? HandleDueUtc { get; private set; }
    /// <summary>When the holding department signed for it (签收), or replied without signing first.</summary>
    public DateTime? AcceptedAtUtc { get; private set; }

    public string? Reply { get; private set; }
    public DateTime? RepliedAtUtc { get; private set; }

    /// <summary>Callback satisfaction on five levels (1 very dissatisfied … 5 very satisfied).</summary>
    public int? Satisfaction { get; private set; }

    /// <summary>When the sweep warned that most of the handling time was used (黄灯); reset by a new dispatch.</summary>
    public DateTime? WarnedAtUtc { get; private set; }

    /// <summary>When the sweep found the ticket not signed for in time; reset by a new dispatch.</summary>
    public DateTime? SignOverdueAtUtc { get; private set; }

    /// <summary>When the sweep escalated the ticket for being past its handling time (超时督办); reset by a new dispatch.</summary>
    public DateTime? EscalatedAtUtc { get; private set; }

    /// <summary>An open ticket this one looks like (same caller, or same place and topic, within the window), for the agent to merge.</summary>
    public Guid? PossibleDuplicateOfId { get; private set; }

    /// <summary>The ticket this one was merged into (合并); it is closed and handled there.</summary>
    public Guid? MergedIntoId { get; private set; }

    public int Returns { get; private set; }

    /// <summary>The department that returned it last (退单), until the hotline dispatches it again or rules on the return.</summary>
    public string? ReturnedBy { get; private set; }

    /// <summary>Days of a pending extension request (延期申请) by the holding department, and why.</summary>
    public int? ExtensionDays { get; private set; }
    public string? ExtensionReason { get; private set; }

    /// <summary>Extensions granted so far.</summary>
    public int Extensions { get; private set; }

    /// <summary>
    /// Departments handling it jointly (联办) with the one that holds it, which leads: they see the ticket and add their
    /// opinions; the lead replies for all. (Also indexed in <see cref="CoHandler"/> rows for their inboxes.)
    /// </summary>
    public List<string> CoHandlers { get; private set; } = [];
    public int Reopens { get; private set; }
    public int Revision { get; private set; }

    /// <summary>
    /// An attachment was added: it changes what the ticket holds, so it takes a revision like any step, and of two
    /// uploads at the same moment only one passes the count of <see cref="TicketAttachment.MaxPerTicket"/> at a time.
    /// </summary>
    public void NoteAttachment() => Revision++;

    /// <summary>A reason, opinion or note as every step asks for it: some words, at most 500 characters.</summary>
    public static bool IsReason([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= 500;

    public static Result<Ticket> Register(
        Guid id, string number, TicketChannel channel, TicketKind kind, Guid? callerAccountId, string? callerName, string? callerPhone, bool anonymous,
        string? title, string? text, string? address, string regionCode, TicketUrgency urgency, DateTimeOffset now)
    {
        var t = title?.Trim() ?? "";
        var body = text?.Trim() ?? "";
        if (t.Length is 0 or > 100 || body.Length is 0 or > 5_000 || (address?.Length ?? 0) > 200 || (callerName?.Length ?? 0) > 50
            || (callerPhone is { Length: > 0 } p && (p.Length > 20 || !p.All(c => char.IsAsciiDigit(c) || c == '-'))))
        {
            return TicketErrors.InvalidTicket;
        }

        return new Ticket
        {
            Id = id,
            Number = number,
            Channel = channel,
            Kind = kind,
            CallerAccountId = callerAccountId,
            CallerName = anonymous ? "" : callerName?.Trim() ?? "",
            CallerPhone = callerPhone?.Trim() ?? "",
            Anonymous = anonymous,
            Title = t,
            Text = body,
            Address = address?.Trim() ?? "",
            RegionCode = regionCode,
            Urgency = urgency,
            State = TicketState.Registered,
            CreatedAtUtc = now.UtcDateTime,
        };
    }

    /// <summary>Sets the coordinates (both or neither, within range); false when they are not a place on Earth.</summary>
    public bool Locate(double? latitude, double? longitude)
    {
        if (latitude is null && longitude is null)
        {
            return true;
        }

        if (latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180))
        {
            return false;
        }

        (Latitude, Longitude) = (latitude, longitude);
        return true;
    }

    /// <summary>The number is taken after validation, so a refused ticket uses none.</summary>
    public Ticket Numbered(string number)
    {
        Number = number;
        return this;
    }

    public void SuspectDuplicateOf(Guid other) => PossibleDuplicateOfId = other;

    /// <summary>合并: closed as a duplicate of another open ticket, where it is handled and answered.</summary>
    public Result MergeInto(Ticket target, DateTimeOffset now)
    {
        if (target.Id == Id || State is TicketState.Replied or TicketState.Closed || target.State is TicketState.Replied or TicketState.Closed)
        {
            return TicketErrors.IllegalTransition;
        }

        MergedIntoId = target.Id;
        Reply = $"您反映的问题与工单 {target.Number} 相同，已合并办理，结果将一并答复。";
        RepliedAtUtc = now.UtcDateTime;
        State = TicketState.Closed;
        Revision++;
        return Result.Success;
    }

    public void Suggest(string category, double confidence)
    {
        Category = category;
        Confidence = confidence;
    }

    /// <summary>A person chose the category (a node of the tree; <paramref name="topLevel"/> is its first-level name).</summary>
    public void Classify(string code, string topLevel)
    {
        CategoryCode = code;
        Category = topLevel;
    }

    /// <summary>The hotline changes the urgency before dispatching (for example to 疑难复杂, which gives more time).</summary>
    public void Reclassify(TicketUrgency urgency) => Urgency = urgency;

    /// <summary>分派承办人: the holding department gives the ticket to one of its staff (or takes it back with none).</summary>
    public Result Assign(Guid? handler, string? name)
    {
        if (State is not (TicketState.Dispatched or TicketState.Accepted))
        {
            return TicketErrors.IllegalTransition;
        }

        (HandlerAccountId, HandlerName) = (handler, handler is null ? null : name);
        Revision++;
        return Result.Success;
    }

    /// <summary>派单: to a department, with the sign-for and handling deadlines of the ticket's limits.</summary>
    public Result Dispatch(string category, string departmentCode, DateTimeOffset now, DateTimeOffset signDue, DateTimeOffset handleDue)
    {
        if (State is not (TicketState.Registered or TicketState.Dispatched))
        {
            return TicketErrors.IllegalTransition;
        }

        Category = category;
        DepartmentCode = departmentCode;
        (HandlerAccountId, HandlerName) = (null, null);
        ReturnedBy = null;
        (ExtensionDays, ExtensionReason) = (null, null);
        DispatchedAtUtc = now.UtcDateTime;
        (WarnedAtUtc, SignOverdueAtUtc, EscalatedAtUtc, AcceptedAtUtc) = (null, null, null, null);
        SignDueUtc = signDue.UtcDateTime;
        HandleDueUtc = handleDue.UtcDateTime;
        State = TicketState.Dispatched;
        Revision++;
        return Result.Success;
    }

    /// <summary>转派: to another department, with new deadlines; the hotline records why.</summary>
    public Result Transfer(string departmentCode, DateTimeOffset now, DateTimeOffset signDue, DateTimeOffset handleDue)
    {
        if (State is not (TicketState.Dispatched or TicketState.Accepted))
        {
            return TicketErrors.IllegalTransition;
        }

        State = TicketState.Registered;
        return Dispatch(Category ?? "", departmentCode, now, signDue, handleDue);
    }

    /// <summary>签收 by the department that holds it.</summary>
    public Result Accept(DateTimeOffset now)
    {
        if (State != TicketState.Dispatched)
        {
            return TicketErrors.IllegalTransition;
        }

        State = TicketState.Accepted;
        AcceptedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    /// <summary>退单: the department is not responsible; back to the hotline to dispatch again.</summary>
    public Result Return(string? reason)
    {
        if (State is not (TicketState.Dispatched or TicketState.Accepted))
        {
            return TicketErrors.IllegalTransition;
        }

        if (!IsReason(reason))
        {
            return TicketErrors.ReasonRequired;
        }

        State = TicketState.Registered;
        ReturnedBy = DepartmentCode;
        DepartmentCode = null;
        (HandlerAccountId, HandlerName) = (null, null);
        (ExtensionDays, ExtensionReason) = (null, null);
        Returns++;
        Revision++;
        return Result.Success;
    }

    /// <summary>
    /// 退单仲裁: the hotline rules that the return does not stand and sends the ticket back to the department that
    /// returned it, with new deadlines. (When the return stands, the hotline simply dispatches it elsewhere.)
    /// </summary>
    public Result OverruleReturn(DateTimeOffset now, DateTimeOffset signDue, DateTimeOffset handleDue)
    {
        if (State != TicketState.Registered || ReturnedBy is not { } department)
        {
            return TicketErrors.IllegalTransition;
        }

        return Dispatch(Category ?? "", department, now, signDue, handleDue);
    }

    /// <summary>联办: the hotline adds a department to handle the ticket with its lead (at most five).</summary>
    public Result AddCoHandler(string departmentCode)
    {
        if (State is not (TicketState.Dispatched or TicketState.Accepted) || departmentCode == DepartmentCode || CoHandlers.Contains(departmentCode) || CoHandlers.Count >= 5)
        {
            return TicketErrors.IllegalTransition;
        }

        CoHandlers = [.. CoHandlers, departmentCode];
        Revision++;
        return Result.Success;
    }

    /// <summary>A joint handler's opinion (联办意见) for the lead: recorded in the history; the ticket stays where it is.</summary>
    public Result Contribute(string? opinion)
    {
        if (State is not (TicketState.Dispatched or TicketState.Accepted))
        {
            return TicketErrors.IllegalTransition;
        }

        if (!IsReason(opinion))
        {
            return TicketErrors.ReasonRequired;
        }

        Revision++;
        return Result.Success;
    }

    /// <summary>延期申请: the holding department asks for more days, saying why; one request at a time.</summary>
    public Result RequestExtension(int? days, string? reason)
    {
        if (State is not (TicketState.Dispatched or TicketState.Accepted) || ExtensionDays is not null)
        {
            return TicketErrors.IllegalTransition;
        }

        if (days is not (>= 1 and <= 30) || !IsReason(reason))
        {
            return TicketErrors.InvalidExtension;
        }

        (ExtensionDays, ExtensionReason) = (days, reason.Trim());
        Revision++;
        return Result.Success;
    }

    /// <summary>The hotline grants the pending extension (the handling deadline moves; warnings start afresh) or refuses it.</summary>
    public Result DecideExtension(bool grant, DateTimeOffset newHandleDue)
    {
        if (ExtensionDays is null || State is not (TicketState.Dispatched or TicketState.Accepted))
        {
            return TicketErrors.IllegalTransition;
        }

        if (grant)
        {
            HandleDueUtc = newHandleDue.UtcDateTime;
            (WarnedAtUtc, EscalatedAtUtc) = (null, null);
            Extensions++;
        }

        (ExtensionDays, ExtensionReason) = (null, null);
        Revision++;
        return Result.Success;
    }

    /// <summary>答复 by the handling department, or 直办 by the hotline while the ticket is still with it.</summary>
    public Result Answer(string? reply, DateTimeOffset now)
    {
        if (State is not (TicketState.Registered or TicketState.Dispatched or TicketState.Accepted))
        {
            return TicketErrors.IllegalTransition;
        }

        if (string.IsNullOrWhiteSpace(reply) || reply.Length > 5_000)
        {
            return TicketErrors.ReplyRequired;
        }

        Reply = reply.Trim();
        RepliedAtUtc = now.UtcDateTime;
        if (DepartmentCode is not null)
        {
            AcceptedAtUtc ??= now.UtcDateTime;
        }

        State = TicketState.Replied;
        Revision++;
        return Result.Success;
    }

    /// <summary>回访: the caller rates the reply; 1–2 (dissatisfied) reopens it with the same department, 3–5 closes it.</summary>
    public Result Rate(int? level, DateTimeOffset now, DateTimeOffset handleDue)
    {
        if (State != TicketState.Replied)
        {
            return TicketErrors.IllegalTransition;
        }

        if (level is not (>= 1 and <= 5))
        {
            return TicketErrors.InvalidRating;
        }

        Satisfaction = level;
        if (level <= 2 && DepartmentCode is not null)
        {
            State = TicketState.Dispatched;
            Reopens++;
            DispatchedAtUtc = now.UtcDateTime;
            (WarnedAtUtc, SignOverdueAtUtc, EscalatedAtUtc) = (null, null, null);
            HandleDueUtc = handleDue.UtcDateTime;
        }
        else
        {
            State = TicketState.Closed;
        }

        Revision++;
        return Result.Success;
    }

    /// <summary>
    /// What the deadline sweep should record now, at most one thing per pass and each at most once per dispatch:
    /// <c>sign_overdue</c>, <c>escalated</c> (past the handling time) or <c>warned</c> (the share of the handling time used).
    /// </summary>
    public string? CheckDeadlines(DateTimeOffset now, double warnShare)
    {
        if (State is not (TicketState.Dispatched or TicketState.Accepted) || DispatchedAtUtc is not { } from || HandleDueUtc is not { } due)
        {
            return null;
        }

        var at = now.UtcDateTime;
        string? found = null;
        if (State == TicketState.Dispatched && SignDueUtc is { } sign && at > sign && SignOverdueAtUtc is null)
        {
            SignOverdueAtUtc = at;
            found = "sign_overdue";
        }
        else if (at > due && EscalatedAtUtc is null)
        {
            EscalatedAtUtc = at;
            found = "escalated";
        }
        else if (at <= due && WarnedAtUtc is null && (at - from).Ticks >= (due - from).Ticks * warnShare)
        {
            WarnedAtUtc = at;
            found = "warned";
        }

        if (found is not null)
        {
            Revision++;
        }

        return found;
    }

    /// <summary>督办 by the hotline: a note to the department holding the ticket; nothing else changes.</summary>
    public Result Supervise(string? note)
    {
        if (State is not (TicketState.Dispatched or TicketState.Accepted))
        {
            return TicketErrors.IllegalTransition;
        }

        if (!IsReason(note))
        {
            return TicketErrors.ReasonRequired;
        }

        Revision++;
        return Result.Success;
    }
}

/// <summary>A joint handler of a ticket (联办单位), one row per department, so that its inbox can find the ticket.</summary>
internal sealed class CoHandler
{
    public Guid TicketId { get; set; }
    public string DepartmentCode { get; set; } = "";
}

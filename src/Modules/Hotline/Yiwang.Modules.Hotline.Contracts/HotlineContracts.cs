namespace Yiwang.Modules.Hotline.Contracts;

/// <summary>One category and how sure the dispatch model is of it (0–1).</summary>
public sealed record CategoryScore(string Category, double Confidence);

/// <summary>
/// What smart dispatch (智能派单) suggests for a ticket's text: the most likely first-level category (一级分类), its
/// confidence, the runners-up, whether the confidence reaches the deployment's threshold for automatic dispatch, and
/// the department the routing table names for that category in the ticket's region (null when no route matches).
/// </summary>
public sealed record CategorySuggestion(
    string Category, double Confidence, bool Automatic, IReadOnlyList<CategoryScore> Ranked, string? DepartmentCode = null, string? DepartmentName = null);

/// <summary>How a ticket came in (受理渠道).</summary>
public enum TicketChannel
{
    Phone,
    Web,
    Api,
    Open311,
}

/// <summary>What the caller wants (诉求类型): 咨询, 求助, 投诉, 举报, 建议, 表扬.</summary>
public enum TicketKind
{
    Consultation,
    Help,
    Complaint,
    Report,
    Suggestion,
    Praise,
}

/// <summary>
/// How soon it must be handled (紧急程度): ordinary (一般), urgent (紧急) or complex (疑难复杂, more time); with the kind it
/// selects the ticket's time limits.
/// </summary>
public enum TicketUrgency
{
    Ordinary,
    Urgent,
    Complex,
}

/// <summary>
/// Where a ticket stands: registered at the hotline (待派单), dispatched to a department (已派单), signed for (已签收),
/// replied (已答复, waiting for the callback), closed (已办结). A return (退单) or a dissatisfied callback takes it back.
/// </summary>
public enum TicketState
{
    Registered,
    Dispatched,
    Accepted,
    Replied,
    Closed,
}

/// <summary>A ticket (工单) as a caller, an agent or a department sees it; contact data masked in lists.</summary>
public sealed record TicketView(
    Guid Id, string Number, TicketChannel Channel, TicketKind Kind, string CallerName, string CallerPhone, bool Anonymous, string Title, string Text, string Address,
    string RegionCode, bool Urgent, string? Category, double? Confidence, TicketState State, string? DepartmentCode, DateTime CreatedAtUtc,
    DateTime? SignDueUtc, DateTime? HandleDueUtc, bool Overdue, string Light, DateTime? EscalatedAtUtc, Guid? PossibleDuplicateOfId, Guid? MergedIntoId, string? Reply, DateTime? RepliedAtUtc, int? Satisfaction, int Returns, int Reopens,
    int Revision, IReadOnlyList<TicketStepView> History, string? ReturnedBy = null, int? ExtensionDays = null, string? ExtensionReason = null, int Extensions = 0,
    IReadOnlyList<string>? CoHandlers = null, double? Latitude = null, double? Longitude = null,
    TicketUrgency Urgency = TicketUrgency.Ordinary, string? CategoryCode = null, string? CategoryPath = null, Guid? HandlerId = null, string? HandlerName = null,
    IReadOnlyList<AttachmentView>? Attachments = null);

/// <summary>A file attached to a ticket (附件): a photo or a document; its content is at <c>/api/v1/hotline/tickets/{ticket}/attachments/{id}</c>.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAtUtc);

/// <summary>
/// A node of the category tree (诉求分类): a stable code (the parent's code, a dot, two digits), its name, its parent and
/// level (1 is the first level the dispatch model and the routing table use); inactive nodes stay on old tickets only.
/// </summary>
public sealed record CategoryNode(string Code, string Name, string? ParentCode, int Level, bool Active, int Revision);

/// <summary>
/// A time-limit rule (办理时限): for a kind of ticket (null: every kind) and an urgency, hours to sign for it and the
/// handling time as an amount of hours, calendar days or working days.
/// </summary>
public sealed record TimeLimitView(TicketKind? Kind, TicketUrgency Urgency, int SignHours, int Handle, string Unit, int Revision);

/// <summary>A staff member of a department a ticket can be assigned to (承办人).</summary>
public sealed record HandlerOption(Guid AccountId, string Name);

public sealed record TicketStepView(DateTime AtUtc, string Action, string Actor, string? Note);


/// <summary>Indicators of one department or region for a period; rates are 0–1, null when there is nothing to count.</summary>
public sealed record IndicatorRow(
    string Key, string Name, int Dispatched, double? ResponseRate, double? OnTimeRate, double? ResolutionRate, double? SatisfactionRate,
    double? AverageHandlingHours, double? ReturnRate);

/// <summary>What a caller or an agent fills in to file a ticket; agents give the caller's name and phone; coordinates (WGS 84) are optional.</summary>
public sealed record TicketRequest(
    TicketKind? Kind, string? Title, string? Text, string? Address, string? RegionCode, bool? Urgent, bool? Anonymous,
    string? CallerName, string? CallerPhone, TicketChannel? Channel, double? Latitude = null, double? Longitude = null,
    TicketUrgency? Urgency = null, string? CategoryCode = null);

/// <summary>
/// The fields of a handling step: dispatch (category, department), transfer and return (reason), reply, rate (level
/// 1–5, comment), merge (TargetId: the open ticket this one repeats), extend (Days, Reason), arbitrate and the
/// extension decisions (Reason).
/// </summary>
public sealed record TicketStepRequest(
    string? Category, string? DepartmentCode, string? Reason, string? Reply, int? Level, string? Comment, int? Revision, Guid? TargetId = null, int? Days = null,
    string? CategoryCode = null, TicketUrgency? Urgency = null, Guid? HandlerId = null);

/// <summary>A hot spot (热点): tickets about the same problem in the same place, with its heat and its tickets.</summary>
public sealed record HotSpotView(string Place, string Title, double Heat, int Count, DateTime FirstUtc, DateTime LastUtc, IReadOnlyList<HotSpotTicket> Tickets);

/// <summary>A ticket of a hot spot.</summary>
public sealed record HotSpotTicket(Guid Id, string Number, string Title, TicketState State);

/// <summary>A suggested answer: a service guide (<c>guide</c>, with its link) or a past reply (<c>reply</c>, with its similarity).</summary>
public sealed record SuggestedAnswer(string Source, string Title, string Answer, string? Link, double? Similarity);

/// <summary>The hotline for the web pages: the same use cases and checks as the API.</summary>
public interface IHotlineApi
{
    /// <summary>The caller's own tickets, the department's inbox, or (agents) their region's; masked; newest first.</summary>
    Task<IReadOnlyList<TicketView>> ListAsync(System.Security.Claims.ClaimsPrincipal user, TicketState? state, CancellationToken ct);

    /// <summary>A ticket with its history, or null when the caller may not see it.</summary>
    Task<TicketView?> GetAsync(System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>Suggested answers for a ticket (agents of its region and the holding department).</summary>
    Task<Yiwang.Kernel.Results.Result<IReadOnlyList<SuggestedAnswer>>> AnswersAsync(System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>Hot spots among the tickets the caller may see, over the last <paramref name="days"/> days (1–365).</summary>
    Task<Yiwang.Kernel.Results.Result<IReadOnlyList<HotSpotView>>> HotSpotsAsync(System.Security.Claims.ClaimsPrincipal user, int? days, CancellationToken ct);

    Task<Yiwang.Kernel.Results.Result<TicketView>> FileAsync(System.Security.Claims.ClaimsPrincipal user, TicketRequest request, CancellationToken ct);

    /// <summary>Indicators per department (by = department) or region for the period; for staff only.</summary>
    Task<Yiwang.Kernel.Results.Result<IReadOnlyList<IndicatorRow>>> IndicatorsAsync(System.Security.Claims.ClaimsPrincipal user, string? from, string? to, string? by, CancellationToken ct);

    /// <summary>The category tree (active nodes; all of them for the platform administrator), in tree order.</summary>
    Task<IReadOnlyList<CategoryNode>> CategoriesAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The time-limit rules in force.</summary>
    Task<IReadOnlyList<TimeLimitView>> TimeLimitsAsync(CancellationToken ct);

    /// <summary>Staff of the department holding the ticket, for its members to assign it (承办人); empty for anyone else.</summary>
    Task<IReadOnlyList<HandlerOption>> HandlersAsync(System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>Steps: dispatch, transfer, supervise, accept, assign, return, reply, rate.</summary>
    Task<Yiwang.Kernel.Results.Result<TicketView>> StepAsync(System.Security.Claims.ClaimsPrincipal user, Guid id, string step, TicketStepRequest request, CancellationToken ct);
}

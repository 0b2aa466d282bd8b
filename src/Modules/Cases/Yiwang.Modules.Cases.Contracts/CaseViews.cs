using System.Security.Claims;
using Yiwang.Kernel.Paging;

namespace Yiwang.Modules.Cases.Contracts;

/// <summary>One line of a work queue or of "my applications". Personal data is masked.</summary>
public sealed record CaseSummary(
    Guid Id,
    string? Number,
    string ItemCode,
    string ItemName,
    string DepartmentName,
    string ApplicantNameMasked,
    CaseState State,
    TimeLight Light,
    string? CurrentStep,
    DateTime CreatedAtUtc,
    DateTime? DueAtUtc);

/// <summary>One review step of the case's process (审查环节), as data from the item's guide.</summary>
/// <param name="Name">环节名称.</param>
/// <param name="Role">The staff role that acts on it.</param>
/// <param name="LimitDays">Its own working-day limit.</param>
public sealed record ReviewStepView(string Name, string Role, int LimitDays);

/// <summary>An uploaded material (申请材料) and its review; with a licence identifier when an electronic licence stands in for it (免证办) and the file is its credential.</summary>
public sealed record MaterialView(
    Guid Id, string MaterialName, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAtUtc,
    Guid? ReusedFromCaseId, string Review, string? ReviewReason, string? LicenceIdentifier = null);

/// <summary>A material the item asks for, and whether the case holds an acceptable file for it.</summary>
public sealed record MaterialRequirement(string Name, bool Required, bool Present, string? ReplacedByLicenceType);

/// <summary>A process record (过程信息): one action on the case.</summary>
public sealed record CaseEventView(DateTime AtUtc, string Action, string? StepName, CaseState From, CaseState To, string ActorName, string? Opinion);

/// <summary>A rating (好差评) of a case or a hall service.</summary>
public sealed record RatingView(Guid Id, SatisfactionLevel Level, string? Comment, DateTime RatedAtUtc, bool IsBad, Guid? RectificationId);

/// <summary>A case as its applicant or an in-scope staff member sees it.</summary>
public sealed record CaseDetail(
    Guid Id,
    string? Number,
    string? QueryCode,
    string ItemCode,
    int ItemVersion,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    string RegionCode,
    CaseChannel Channel,
    string ApplicantName,
    string? ApplicantIdNumberMasked,
    string? ApplicantPhoneMasked,
    string? LegalPersonCreditCode,
    string? LegalPersonName,
    CaseState State,
    TimeLight Light,
    int CurrentStepIndex,
    IReadOnlyList<ReviewStepView> Steps,
    string HandlingKind,
    int PromisedLimitDays,
    int StatutoryLimitDays,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    DateTime? AcceptedAtUtc,
    DateTime? DueAtUtc,
    DateTime? StatutoryDueAtUtc,
    int PausedWorkingDays,
    int? ExtensionRequestedDays,
    int ExtensionDays,
    IReadOnlyList<string> SupplementItems,
    string? SupplementNote,
    CaseDecision? Decision,
    string? DecisionReason,
    string? DecisionBasis,
    DeliveryMethod? Delivery,
    DateTime? CompletedAtUtc,
    string? NotAcceptedReason,
    IReadOnlyDictionary<string, string> Form,
    double? PrefilledShare,
    IReadOnlyList<MaterialRequirement> Requirements,
    IReadOnlyList<MaterialView> Materials,
    IReadOnlyList<CaseEventView> Events,
    IReadOnlyList<RatingView> Ratings,
    int Revision)
{
    /// <summary>Materials an electronic licence stood in for (免提交: the applicant submitted nothing for them).</summary>
    public int MaterialsFromLicences => Materials.Count(m => m.LicenceIdentifier is not null);
}

/// <summary>What the public progress check (办件查询) shows: no personal data.</summary>
public sealed record CaseProgress(string Number, string ItemName, string DepartmentName, CaseState State, TimeLight Light, DateTime? AcceptedAtUtc, DateTime? DueAtUtc, IReadOnlyList<CaseEventView> Events);

/// <summary>One field of an item's application form (表单), with its pre-filled value when the platform knows it.</summary>
/// <param name="Key">Field key.</param>
/// <param name="Label">Chinese label.</param>
/// <param name="Required">Whether a value is needed to submit.</param>
/// <param name="MaxLength">Longest accepted value.</param>
/// <param name="Value">Pre-filled value (表单一键填), or null.</param>
/// <param name="Source">Where the value came from: <c>identity</c>, <c>legal-person</c> or <c>history</c>.</param>
public sealed record FormField(string Key, string Label, bool Required, int MaxLength, string? Value, string? Source);

/// <summary>The form of an item for one applicant.</summary>
public sealed record FormView(string ItemCode, string ItemName, IReadOnlyList<FormField> Fields, IReadOnlyList<MaterialRequirement> Materials, IReadOnlyList<string> ActsFor);

/// <summary>An in-site message (站内消息) to an applicant.</summary>
public sealed record NotificationView(Guid Id, Guid CaseId, string Text, DateTime CreatedAtUtc, bool Read);

/// <summary>An electronic-supervision alert (电子监察预警): a warning, an overdue case, a long hall wait, a late rectification.</summary>
public sealed record AlertView(Guid Id, Guid SubjectId, string Kind, string? CaseNumber, string DepartmentCode, string RegionCode, string Text, DateTime RaisedAtUtc);

/// <summary>A staff work-queue query (工作台): always within the caller's data scope.</summary>
public sealed record QueueFilter(CaseState? State, TimeLight? Light, string? ItemCode, PageRequest Page);

/// <summary>Case queries for the web UI. Every method checks the caller's right to see what it returns.</summary>
public interface ICasesApi
{
    /// <summary>Cases the person applied for, or may see as representative or agent of a legal person.</summary>
    Task<PagedList<CaseSummary>> MineAsync(ClaimsPrincipal user, PageRequest page, CancellationToken ct);

    /// <summary>A case, or null when it does not exist or the caller may not see it.</summary>
    Task<CaseDetail?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>The staff work queue, filtered by the caller's scope; empty for non-staff.</summary>
    Task<PagedList<CaseSummary>> QueueAsync(ClaimsPrincipal user, QueueFilter filter, CancellationToken ct);

    /// <summary>The application form of an item, pre-filled for the caller; null when the item is not open for applications.</summary>
    Task<FormView?> FormAsync(ClaimsPrincipal user, string itemCode, CancellationToken ct);

    /// <summary>The caller's in-site messages, newest first.</summary>
    Task<IReadOnlyList<NotificationView>> NotificationsAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Alerts in the caller's scope, newest first (at most 200); empty for non-staff.</summary>
    Task<IReadOnlyList<AlertView>> AlertsAsync(ClaimsPrincipal user, string? kind, CancellationToken ct);

    /// <summary>Public progress by case number and query code; null when they do not match.</summary>
    Task<CaseProgress?> TrackAsync(string? number, string? queryCode, CancellationToken ct);

    /// <summary>
    /// Cases completed at or after an instant, in completion order, for modules that act on results, such as issuing
    /// licences (readers keep the last instant they saw and skip what they already handled). A system feed: no caller,
    /// no access check; never expose it as it is.
    /// </summary>
    Task<IReadOnlyList<CompletedCase>> CompletedSinceAsync(DateTime sinceUtc, int take, CancellationToken ct);
}

/// <summary>A completed case as the completed-case feed gives it, with the applicant's and the form's data.</summary>
public sealed record CompletedCase(
    Guid Id, string? Number, string ItemCode, string ItemName, string DepartmentCode, CaseDecision? Decision, DateTime CompletedAtUtc,
    Guid? ApplicantAccountId, string ApplicantName, string? ApplicantIdNumber, string? LegalPersonCreditCode, string? LegalPersonName,
    IReadOnlyDictionary<string, string> Form);

using System.Security.Claims;
using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Sharing.Contracts;

/// <summary>共享类型: whether and how other departments may have a resource (国发〔2016〕51号).</summary>
public enum ShareType
{
    /// <summary>无条件共享: every government department, granted at once.</summary>
    Unconditional,
    /// <summary>有条件共享: the provider decides each request within a working-day limit.</summary>
    Conditional,
    /// <summary>不予共享: not shared; needs a legal basis.</summary>
    NotShared,
}

/// <summary>开放类型: whether the resource is opened to the public.</summary>
public enum OpenType
{
    /// <summary>无条件开放.</summary>
    Open,
    /// <summary>有条件开放.</summary>
    Conditional,
    /// <summary>不予开放.</summary>
    NotOpen,
}

/// <summary>The data type of an information item (信息项数据类型); it decides validation and masking.</summary>
public enum ItemType
{
    /// <summary>Free text.</summary>
    Text,
    /// <summary>Whole number.</summary>
    Integer,
    /// <summary>Decimal number.</summary>
    Decimal,
    /// <summary>Date, yyyy-MM-dd.</summary>
    Date,
    /// <summary>Resident ID number (居民身份证号码, GB 11643).</summary>
    IdNumber,
    /// <summary>Unified social credit code (统一社会信用代码, GB 32100).</summary>
    CreditCode,
    /// <summary>Mobile phone number.</summary>
    Phone,
    /// <summary>A person's name.</summary>
    PersonName,
}

/// <summary>Where the hub reads a resource's data from (挂接方式).</summary>
public enum SourceKind
{
    /// <summary>Records kept in the platform's own store, written through the API or loaded from a CSV/Excel upload.</summary>
    Store,
    /// <summary>The provider department's own HTTP API, asked per lookup.</summary>
    Http,
}

/// <summary>The state of an access request (共享申请) and the grant it becomes.</summary>
public enum RequestState
{
    /// <summary>待审核: waiting for the provider.</summary>
    Pending,
    /// <summary>已授权: granted; calls are served until it expires.</summary>
    Granted,
    /// <summary>不予共享: refused with a reason.</summary>
    Refused,
    /// <summary>已撤销: the provider revoked the grant.</summary>
    Revoked,
}

/// <summary>An information item (信息项) of a resource.</summary>
/// <param name="Name">Field name used in queries and answers (ASCII, e.g. <c>idNumber</c>).</param>
/// <param name="Label">Chinese label (e.g. 身份证号).</param>
/// <param name="Type">Data type.</param>
/// <param name="Length">Maximum length.</param>
/// <param name="Level">Classification level (分类分级): 1 一般, 2 重要, 3 敏感, 4 核心.</param>
/// <param name="Personal">Personal information (个人信息): a call needs the case or ticket it serves.</param>
/// <param name="Sensitive">Sensitive: masked unless the grant says otherwise.</param>
/// <param name="Key">A key field consumers may filter on (the first key identifies a record).</param>
/// <param name="Required">Expected in every record (counts towards completeness).</param>
public sealed record DataItem(string Name, string Label, ItemType Type, int Length, int Level, bool Personal, bool Sensitive, bool Key, bool Required);

/// <summary>A catalogue entry as a provider writes it (编目).</summary>
public sealed record ResourceInput(
    string? Code, string? Name, string? Summary, string? Category, IReadOnlyList<DataItem>? Items, string? UpdateCycle,
    ShareType? ShareType, string? ShareCondition, string? RefusalBasis, OpenType? OpenType, SourceKind? Source, string? SourceUrl);

/// <summary>A catalogue entry (政务数据资源目录) as everyone reads it.</summary>
public sealed record ResourceView(
    string Code, string Name, string Summary, string Category, string ProviderDepartmentCode, string ProviderDepartmentName,
    IReadOnlyList<DataItem> Items, string UpdateCycle, ShareType ShareType, string? ShareCondition, string? RefusalBasis, OpenType OpenType,
    SourceKind Source, string ServiceUrl, int RecordCount, DateTime? LoadedAtUtc, DateTime PublishedAtUtc, int Revision);

/// <summary>What a consumer department asks for (供需对接).</summary>
/// <param name="ClientId">The consumer system the grant is for.</param>
/// <param name="Purpose">What the data is for (用途).</param>
/// <param name="LegalBasis">The law or policy behind the need (依据).</param>
/// <param name="Items">The items it needs (a subset of the resource's).</param>
/// <param name="ValidUntil">Last day of use (yyyy-MM-dd); at most two years ahead.</param>
/// <param name="DailyQuota">Expected calls per day; the grant's quota.</param>
public sealed record AccessRequestInput(string? ClientId, IReadOnlyList<string>? Items, string? Purpose, string? LegalBasis, string? ValidUntil, int? DailyQuota);

/// <summary>The provider's decision on a request.</summary>
/// <param name="Approve">Grant or refuse.</param>
/// <param name="Reason">Required when refusing.</param>
/// <param name="ClearItems">Sensitive items the consumer may see unmasked (default none).</param>
/// <param name="Revision">The revision the decider saw.</param>
public sealed record DecisionInput(bool? Approve, string? Reason, IReadOnlyList<string>? ClearItems, int? Revision);

/// <summary>A request and, once granted, the grant (授权).</summary>
public sealed record AccessRequestView(
    Guid Id, string Number, string ResourceCode, string ResourceName, string ProviderDepartmentCode, string ConsumerDepartmentCode, string ClientId,
    IReadOnlyList<string> Items, IReadOnlyList<string> MaskedItems, string Purpose, string? LegalBasis, string ValidUntil, int DailyQuota,
    RequestState State, DateTime RequestedAtUtc, DateTime? DueAtUtc, bool Overdue, bool Escalated, string? Reason, DateTime? DecidedAtUtc, int Revision);

/// <summary>A lookup by a consumer system.</summary>
/// <param name="Filters">Key field → exact value (at most three).</param>
/// <param name="Items">Items wanted (default: all granted).</param>
/// <param name="Purpose">What the data is for (用途).</param>
/// <param name="CaseRef">For personal data: the case or ticket number it serves.</param>
public sealed record QueryInput(IReadOnlyDictionary<string, string?>? Filters, IReadOnlyList<string>? Items, string? Purpose, string? CaseRef);

/// <summary>The answer to a lookup: only granted items, masked per the grant, and the evidence record's number.</summary>
public sealed record QueryAnswer(string Resource, long EvidenceSeq, IReadOnlyList<IReadOnlyDictionary<string, string?>> Records);

/// <summary>One record of the evidence log (调用日志) as a data admin reads it.</summary>
public sealed record EvidenceView(
    long Seq, DateTime AtUtc, string ClientId, string ConsumerDepartmentCode, string ProviderDepartmentCode, string ResourceCode,
    string Items, string Purpose, string? CaseRef, string Outcome, int ResultCount, string Hash);

/// <summary>One use of a person's data as the person sees it (数据使用记录).</summary>
public sealed record DataUseView(DateTime AtUtc, string ConsumerDepartmentName, string ResourceName, string Items, string Purpose, string? CaseRef);

/// <summary>Quality of one resource's data (数据质量).</summary>
/// <param name="ResourceCode">The resource.</param>
/// <param name="Records">Records checked.</param>
/// <param name="LoadedAtUtc">When its data was last loaded.</param>
/// <param name="Completeness">Filled required cells over all required cells (1 when none).</param>
/// <param name="Validity">Well-formed typed values over all typed values checked (1 when none).</param>
/// <param name="Fresh">Loaded within its update cycle.</param>
/// <param name="Problems">Per item: how many values are missing or malformed.</param>
public sealed record QualityReport(string ResourceCode, int Records, double Completeness, double Validity, bool Fresh, DateTime? LoadedAtUtc, IReadOnlyList<ItemQuality> Problems);

/// <summary>Missing and malformed values of one item.</summary>
public sealed record ItemQuality(string Item, int Missing, int Malformed);

/// <summary>A data objection (数据异议) on one value.</summary>
public sealed record ObjectionInput(string? RecordKey, string? Item, string? ProposedValue, string? Reason);

/// <summary>The provider's answer: correct the value (更正) or explain why it stands (说明).</summary>
public sealed record ObjectionAnswerInput(bool? Correct, string? Value, string? Explanation);

/// <summary>A data objection and its handling.</summary>
public sealed record ObjectionView(
    Guid Id, string ResourceCode, string RecordKey, string Item, string? CurrentValue, string? ProposedValue, string Reason, string RaisedBy,
    string State, DateTime RaisedAtUtc, DateTime DueAtUtc, bool Overdue, string? Answer, DateTime? AnsweredAtUtc);

/// <summary>The outcome of checking the evidence log.</summary>
/// <param name="Intact">Every record chains to the one before, every checkpoint matches and is signed by the platform, and the head matches the last record.</param>
/// <param name="Records">Records checked.</param>
/// <param name="Checkpoints">Checkpoints checked.</param>
/// <param name="LastCheckpointSeq">The record the last checkpoint covers.</param>
/// <param name="BrokenAt">The first sequence number where the log is wrong, if any.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record VerificationReport(bool Intact, long Records, int Checkpoints, long? LastCheckpointSeq, long? BrokenAt, string? Problem);

/// <summary>The data-sharing use cases for the web pages: the same checks as the API.</summary>
public interface ISharingApi
{
    /// <summary>Published resources, searched by words of the name, summary, items or provider.</summary>
    Task<IReadOnlyList<ResourceView>> SearchAsync(string? q, CancellationToken ct);

    /// <summary>One resource, or null.</summary>
    Task<ResourceView?> GetAsync(string code, CancellationToken ct);

    /// <summary>Publishes or revises a resource of the caller's department (data admins).</summary>
    Task<Result<ResourceView>> PublishAsync(ClaimsPrincipal user, ResourceInput input, CancellationToken ct);

    /// <summary>Replaces a Store resource's records with an uploaded CSV or Excel file.</summary>
    Task<Result<ResourceView>> UploadAsync(ClaimsPrincipal user, string code, string fileName, Stream content, CancellationToken ct);

    /// <summary>A consumer department's data admin asks for a resource.</summary>
    Task<Result<AccessRequestView>> RequestAsync(ClaimsPrincipal user, string code, AccessRequestInput input, CancellationToken ct);

    /// <summary>The provider decides a pending request.</summary>
    Task<Result<AccessRequestView>> DecideAsync(ClaimsPrincipal user, Guid id, DecisionInput input, CancellationToken ct);

    /// <summary>The provider revokes a grant.</summary>
    Task<Result<AccessRequestView>> RevokeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>Requests the caller's department made or must decide.</summary>
    Task<IReadOnlyList<AccessRequestView>> RequestsAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Evidence records where the caller's department is provider or consumer, newest first.</summary>
    Task<IReadOnlyList<EvidenceView>> EvidenceAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The signed-in person's data uses.</summary>
    Task<IReadOnlyList<DataUseView>> MyDataUseAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The quality report of a resource, or null when it does not exist.</summary>
    Task<QualityReport?> QualityAsync(string code, CancellationToken ct);
}

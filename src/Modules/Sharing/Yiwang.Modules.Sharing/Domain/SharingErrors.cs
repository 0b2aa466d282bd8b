using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Sharing.Domain;

/// <summary>Stable error codes of the data-sharing hub.</summary>
internal static class SharingErrors
{
    public static readonly Error InvalidResource = Error.Validation("sharing.invalid_resource",
        "A resource needs a code (3–40 of A–Z, 0–9 and '-'), a name, a summary, at least one item with a key item, a known update cycle, and a legal basis when not shared.");
    public static readonly Error UpstreamNotAllowed = Error.Validation("sharing.upstream_not_allowed",
        "The source URL's host is not one the operator lets the hub call (Sharing:UpstreamHosts).");
    public static readonly Error ResourceNotFound = Error.NotFound("sharing.resource_not_found", "No such resource in the catalogue.");
    public static readonly Error NotProvider = Error.Forbidden("sharing.not_provider", "Only data admins of the providing department may do this.");
    public static readonly Error NotDataAdmin = Error.Forbidden("sharing.not_data_admin", "Only data admins (数据管理员) of a department may do this.");
    public static readonly Error InvalidRequest = Error.Validation("sharing.invalid_request",
        "A request names a system of your department, items of the resource, a purpose (at most 500 characters), a last day within two years and a daily quota of 1–1,000,000.");
    public static readonly Error NotShared = Error.Conflict("sharing.not_shared", "This resource is not shared (不予共享).");
    public static readonly Error OwnResource = Error.Conflict("sharing.own_resource", "A department does not request its own resource.");
    public static readonly Error RequestNotFound = Error.NotFound("sharing.request_not_found", "No such request.");
    public static readonly Error AlreadyDecided = Error.Conflict("sharing.already_decided", "The request has already been decided.");
    public static readonly Error NotGranted = Error.Conflict("sharing.not_granted", "Only a granted request can be revoked.");
    public static readonly Error StaleRevision = Error.Conflict("sharing.stale_revision", "Someone else changed this first; reload and try again.");
    public static readonly Error ReasonRequired = Error.Validation("sharing.reason_required", "A refusal needs its reason (at most 500 characters).");
    public static readonly Error NotSystem = Error.Forbidden("sharing.not_system", "Only department systems (client credentials) call the hub.");
    public static readonly Error NoGrant = Error.Forbidden("sharing.no_grant", "Your system holds no grant for this resource.");
    public static readonly Error GrantExpired = Error.Forbidden("sharing.grant_expired", "Your system's grant for this resource has expired or was revoked.");
    public static readonly Error ItemsNotGranted = Error.Forbidden("sharing.items_not_granted", "Some items asked for are not in your grant.");
    public static readonly Error PurposeRequired = Error.Validation("sharing.purpose_required", "Every call states its purpose (用途, at most 200 characters).");
    public static readonly Error CaseRequired = Error.Validation("sharing.case_required", "Personal data is served only for a stated case or ticket number (caseRef).");
    public static readonly Error InvalidFilter = Error.Validation("sharing.invalid_filter",
        "Filter on one to three key items of the resource, each with a value of 1–64 letters, digits, '-' or Chinese characters.");
    public static readonly Error QuotaExceeded = Error.Exhausted("sharing.quota_exceeded", "Your system has used its daily quota for this resource.");
    public static readonly Error EvidenceUnavailable = Error.Unavailable("sharing.evidence_unavailable",
        "The evidence log cannot be written now, so no data is served (fail closed); retry later.");
    public static readonly Error RecordsUnreadable = Error.Unavailable("sharing.records_unreadable", "The provider's stored records could not be read; nothing was served.");
    public static readonly Error UpstreamUnavailable = Error.Unavailable("sharing.upstream_unavailable", "The provider's system did not answer in time or answered wrongly.");
    public static readonly Error InvalidUpload = Error.Validation("sharing.invalid_upload",
        "Upload a CSV (UTF-8, header row of item names or labels) or .xlsx file of at most 20 MB and 100,000 rows to a resource kept in the platform's store.");
    public static readonly Error InvalidRecord = Error.Validation("sharing.invalid_record", "A record needs its key value and only items of the resource, each within its length.");
    public static readonly Error NotConcerned = Error.Forbidden("sharing.not_concerned", "Only a department holding a grant for the resource, or the person the record is about, may object to it.");
    public static readonly Error ObjectionNotFound = Error.NotFound("sharing.objection_not_found", "No such objection.");
    public static readonly Error InvalidObjection = Error.Validation("sharing.invalid_objection",
        "An objection names an existing record key, one of the resource's items and the reason (at most 500 characters).");
    public static readonly Error AlreadyAnswered = Error.Conflict("sharing.already_answered", "The objection has already been answered.");
    public static readonly Error InvalidAnswer = Error.Validation("sharing.invalid_answer", "Correct with the new value, or explain why the value stands (at most 500 characters).");
}

using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>Stable refusal codes of the applications module (<c>cases.*</c>).</summary>
internal static class CaseErrors
{
    public static readonly Error NotFound = Error.NotFound("cases.case_not_found", "No such application, or you may not see it.");
    public static readonly Error ItemNotOpen = Error.Unprocessable("cases.item_not_open", "The item does not exist, is not an implementation item, or takes no applications.");
    public static readonly Error StaleRevision = Error.Conflict("concurrency.conflict", "The application changed since you read it; reload and try again.");
    public static readonly Error IllegalTransition = Error.Conflict("cases.illegal_transition", "This action is not possible in the application's current state.");
    public static readonly Error UnknownAction = Error.NotFound("cases.unknown_action", "No such action.");
    public static readonly Error NotYourStep = Error.Forbidden("cases.not_your_step", "The current step needs another role.");
    public static readonly Error StaffOnly = Error.Forbidden("cases.staff_only", "Only department staff in whose scope the application lies may do this.");
    public static readonly Error ApplicantOnly = Error.Forbidden("cases.applicant_only", "Only the applicant (or their representative or agent) may do this.");
    public static readonly Error ReasonRequired = Error.Validation("cases.reason_required", "Give a reason (up to 1000 characters).");
    public static readonly Error LegalBasisRequired = Error.Validation("cases.legal_basis_required", "A refusal needs its legal basis (法律依据).");
    public static readonly Error DecisionRequired = Error.Validation("cases.decision_required", "State the decision: Approved or Refused.");
    public static readonly Error DeliveryRequired = Error.Validation("cases.delivery_required", "State how the result is delivered: PickUp, Post or Electronic.");
    public static readonly Error SupplementItemsRequired = Error.Validation("cases.supplement_items_required", "List every missing or faulty material once (一次性告知), by the names the guide uses.");
    public static readonly Error UnknownMaterial = Error.Validation("cases.unknown_material", "The item's guide lists no material with this name.");
    public static readonly Error SupplementAlreadyRequested = Error.Conflict("cases.supplement_already_requested", "A supplement was already requested once; the one-time notice cannot be repeated.");
    public static readonly Error MaterialsMissing = Error.Unprocessable("cases.materials_missing", "Required materials are missing or were rejected.");
    public static readonly Error FieldsMissing = Error.Validation("cases.form_fields_missing", "Required form fields are empty or too long.");
    public static readonly Error InvalidSpecialKind = Error.Validation("cases.invalid_special_procedure", "Special procedures are Hearing, ExpertReview, Inspection, Testing, Appraisal or Other.");
    public static readonly Error InvalidExtension = Error.Validation("cases.invalid_extension", "An extension is 1 to the statutory limit in working days, with a reason.");
    public static readonly Error AlreadyExtended = Error.Conflict("cases.already_extended", "The time limit was already extended once.");
    public static readonly Error NoExtensionRequested = Error.Conflict("cases.no_extension_requested", "No extension is waiting for approval.");
    public static readonly Error NotActingFor = Error.Forbidden("cases.not_acting_for", "You may not apply for this legal person for this item.");
    public static readonly Error InvalidFile = Error.Validation("cases.invalid_file", "Send one file (PDF, JPEG, PNG or OFD) in the multipart field 'file'.");
    public static readonly Error FileTooLarge = Error.Validation("cases.file_too_large", "The file is larger than the limit.");
    public static readonly Error FileTypeNotAllowed = Error.Validation("cases.file_type_not_allowed", "Only PDF, JPEG, PNG and OFD files are accepted, and the content must match the type.");
    public static readonly Error FileInfected = Error.Unprocessable("cases.file_rejected_by_scan", "The virus scan refused the file.");
    public static readonly Error MaterialNotFound = Error.NotFound("cases.material_not_found", "No such material.");
    public static readonly Error NotEditable = Error.Conflict("cases.not_editable", "Materials can be added only while the application is a draft, or while a supplement is requested.");
    public static readonly Error AlreadyRated = Error.Conflict("cases.already_rated", "This was already rated (and followed up) twice.");
    public static readonly Error NotRatable = Error.Conflict("cases.not_ratable", "Only completed applications and finished hall services can be rated.");
    public static readonly Error InvalidRating = Error.Validation("cases.invalid_rating", "A rating is one of the five levels, with a comment of up to 500 characters.");
    public static readonly Error RectificationNotFound = Error.NotFound("cases.rectification_not_found", "No such rectification task, or you may not see it.");
    public static readonly Error RectificationClosed = Error.Conflict("cases.rectification_closed", "The rectification task is closed.");
    public static readonly Error CallbackFirst = Error.Conflict("cases.callback_required", "Record the callback (回访) before closing.");
    public static readonly Error InvalidApplicant = Error.Validation("cases.invalid_applicant", "A window application needs the applicant's name and a valid resident ID number.");
    public static readonly Error IdempotencyMismatch = Error.Conflict("cases.idempotency_key_reused", "This idempotency key was used for a different application.");
    public static readonly Error TicketNotFound = Error.NotFound("cases.ticket_not_found", "No such hall ticket.");
    public static readonly Error QueueEmpty = Error.Conflict("cases.queue_empty", "Nobody is waiting.");
    public static readonly Error InvalidWindow = Error.Validation("cases.invalid_window", "Name the window (1 to 20 characters).");
    public static readonly Error InvalidRegion = Error.Validation("cases.invalid_region", "No such region.");
}

using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Hotline.Domain;

/// <summary>Stable error codes of hotline tickets.</summary>
internal static class TicketErrors
{
    public static readonly Error InvalidTicket = Error.Validation("hotline.invalid_ticket", "A ticket needs a title (at most 100 characters) and a text (at most 5,000), a known region, and a valid phone number if one is given.");
    public static readonly Error UnknownRegion = Error.Validation("hotline.unknown_region", "The region code is not a known administrative division.");
    public static readonly Error NotFound = Error.NotFound("hotline.ticket_not_found", "No such ticket.");
    public static readonly Error IllegalTransition = Error.Conflict("hotline.illegal_transition", "The ticket cannot take that step from where it stands.");
    /// <summary>A revision check lost: one code for tickets, routes, categories and time limits, naming what changed.</summary>
    public static Error StaleRevisionOf(string what) => Error.Conflict("hotline.stale_revision", $"Someone else changed this {what} first; reload and try again.");

    public static readonly Error StaleRevision = StaleRevisionOf("ticket");
    public static readonly Error ReasonRequired = Error.Validation("hotline.reason_required", "Say why (at most 500 characters).");
    public static readonly Error ReplyRequired = Error.Validation("hotline.reply_required", "Write the reply to the caller (at most 5,000 characters).");
    public static readonly Error InvalidRating = Error.Validation("hotline.invalid_rating", "Rate from 1 (very dissatisfied) to 5 (very satisfied).");
    public static readonly Error UnknownDepartment = Error.Validation("hotline.unknown_department", "Name a known department and a category.");
    public static readonly Error InvalidExtension = Error.Validation("hotline.invalid_extension", "Ask for 1–30 more days and say why (at most 500 characters).");
    public static readonly Error UnknownCategory = Error.Validation("hotline.unknown_category", "The category is not an active node of the category tree (GET /api/v1/hotline/categories).");
    public static readonly Error InvalidHandler = Error.Validation("hotline.invalid_handler", "Assign the ticket to a staff member of the department that holds it.");
    public static readonly Error InvalidAttachment = Error.Validation("hotline.invalid_attachment", "Attach a PDF, JPEG, PNG or OFD file whose content matches its name.");
    public static readonly Error AttachmentTooLarge = Error.Validation("hotline.attachment_too_large", "An attachment may be at most 10 MB.");
    public static readonly Error AttachmentInfected = Error.Validation("hotline.attachment_infected", "The file did not pass the virus scan.");
    public static readonly Error TooManyAttachments = Error.Conflict("hotline.too_many_attachments", "A ticket holds at most nine attachments.");
    public static readonly Error AttachmentNotFound = Error.NotFound("hotline.attachment_not_found", "No such attachment on this ticket.");
    public static readonly Error NotAgent = Error.Forbidden("hotline.not_agent", "Only hotline agents dispatch and answer directly.");
    public static readonly Error NotHolder = Error.Forbidden("hotline.not_holder", "Your department does not hold this ticket.");
}

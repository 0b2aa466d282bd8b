using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Licences.Domain;

/// <summary>Stable error codes of the licences module.</summary>
internal static class LicenceErrors
{
    public static readonly Error InvalidTypeCode = Error.Validation("licences.invalid_type_code", "A licence type code is the defining authority's 18-character credit code followed by three digits.");
    public static readonly Error InvalidType = Error.Validation("licences.invalid_type", "A licence type needs a name, a defining authority, at least one field with distinct names, and a validity of 1–100 years or none.");
    public static readonly Error TypeExists = Error.Conflict("licences.type_exists", "A licence type with this code exists.");
    public static readonly Error TypeNotFound = Error.NotFound("licences.type_not_found", "No such licence type.");
    public static readonly Error NotIssuer = Error.Forbidden("licences.not_issuer", "Your department is not a registered issuer of licences.");
    public static readonly Error NotFound = Error.NotFound("licences.not_found", "No such licence.");
    public static readonly Error InvalidHolder = Error.Validation("licences.invalid_holder", "The holder needs a name and a valid code: a resident ID number for a person, a credit code for an organisation.");
    public static readonly Error MissingFields = Error.Validation("licences.missing_fields", "Some required fields of the licence type are missing.");
    public static readonly Error UnknownFields = Error.Validation("licences.unknown_fields", "Some fields are not fields of the licence type.");
    public static readonly Error ReasonRequired = Error.Validation("licences.reason_required", "A status change needs a reason.");
    public static readonly Error IllegalStatusChange = Error.Conflict("licences.illegal_status_change", "The licence cannot go to that status from its current one.");
    public static readonly Error NotCurrent = Error.Conflict("licences.not_current", "Only the current version of a licence can be changed; a newer version exists.");
    public static readonly Error StaleRevision = Error.Conflict("licences.stale_revision", "Someone else changed this licence first; reload and try again.");
    public static readonly Error InvalidIdentifier = Error.Validation("licences.invalid_identifier", "Not a valid 证照标识 (GB/T 36904), or its check character is wrong.");
    public static readonly Error InvalidDisclosure = Error.Validation("licences.invalid_disclosure", "Choose fields of this licence to disclose.");
    public static readonly Error InvalidObjection = Error.Validation("licences.invalid_objection", "Name the fields of the licence you dispute and say what is wrong (at most 1,000 characters).");
    public static readonly Error ObjectionNotFound = Error.NotFound("licences.objection_not_found", "No such objection.");
    public static readonly Error ObjectionClosed = Error.Conflict("licences.objection_closed", "The objection has been answered already.");
    public static readonly Error InvalidAuthorisation = Error.Validation("licences.invalid_authorisation", "An authorisation needs a grantee (a department by its code, or a third party by name), a purpose (at most 200 characters), fields of this licence and an end date in the future (at most five years ahead).");
    public static readonly Error AuthorisationNotFound = Error.NotFound("licences.authorisation_not_found", "No such authorisation.");
    public static readonly Error AuthorisationRevoked = Error.Conflict("licences.authorisation_revoked", "The authorisation has been revoked already.");
    public static readonly Error AuthorisationInactive = Error.Forbidden("licences.authorisation_inactive", "The authorisation has been revoked or has expired; ask the holder for a new one.");
    public static readonly Error LicenceNotUsable = Error.Conflict("licences.not_usable", "The licence is not valid now (revoked, suspended or expired); it cannot be used.");
    public static readonly Error PdfUnavailable = Error.Unavailable("licences.pdf_unavailable", "PDF printing is not available on this server now; the HTML rendering is.");
    public static readonly Error InvalidBatch = Error.Validation("licences.invalid_batch", "Send between 1 and 1,000 presentations or verification links.");
    public static readonly Error InvalidPresentation = Error.Validation("licences.invalid_presentation", "Send the presentation text or the verification link from a licence's QR code.");
}

using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Identity.Domain;

internal static class IdentityErrors
{
    public static readonly Error InvalidName = Error.Validation("identity.invalid_name", "A name is 1 to 50 characters.");
    public static readonly Error InvalidIdNumber = Error.Validation("identity.invalid_id_number", "The resident ID number is not 18 characters with a valid birth date and check character (GB 11643).");
    public static readonly Error InvalidPhone = Error.Validation("identity.invalid_phone", "A mobile number is 11 digits starting with 1.");
    public static readonly Error WeakPassword = Error.Validation("identity.weak_password", "A password is 10 to 128 characters with letters and digits.");
    public static readonly Error DuplicateAccount = Error.Conflict("identity.duplicate_account", "An account with this ID number exists.");
    public static readonly Error InvalidCredentials = new("identity.invalid_credentials", "The account or password is wrong.", ErrorKind.Validation);
    public static readonly Error LockedOut = new("identity.locked_out", "Too many failed sign-ins; the account is locked for 15 minutes.", ErrorKind.Forbidden);
    public static readonly Error InvalidCreditCode = Error.Validation("identity.invalid_credit_code", "The unified social credit code is not valid (GB 32100).");
    public static readonly Error DuplicateLegalPerson = Error.Conflict("identity.duplicate_legal_person", "This legal person is already registered.");
    public static readonly Error LegalPersonNotFound = Error.NotFound("identity.legal_person_not_found", "No such legal person, or you may not act for it.");
    public static readonly Error AgentNotFound = Error.Unprocessable("identity.agent_not_found", "No citizen account with this ID number.");
    public static readonly Error InvalidGrantPeriod = Error.Validation("identity.invalid_grant_period", "A grant ends in the future and within five years.");
    public static readonly Error SelfGrant = Error.Validation("identity.self_grant", "The legal representative needs no grant.");
    public static readonly Error GrantNotFound = Error.NotFound("identity.grant_not_found", "No such grant.");
    public static readonly Error AlreadyRevoked = Error.Conflict("identity.grant_already_revoked", "The grant is already revoked.");
    public static readonly Error DuplicateClient = Error.Conflict("identity.duplicate_client", "A client with this id exists.");
    public static readonly Error CodeTooSoon = Error.Conflict("identity.code_too_soon", "A code was sent less than a minute ago.");
    public static readonly Error InvalidCode = Error.Validation("identity.invalid_code", "The code is wrong.");
    public static readonly Error CodeExpired = Error.Validation("identity.code_expired", "The code has expired or was used; ask for a new one.");
    public static readonly Error TooManyAttempts = new("identity.too_many_attempts", "Too many wrong codes; ask for a new one.", ErrorKind.Forbidden);
    public static readonly Error PhoneNotVerified = Error.Conflict("identity.phone_not_verified", "Verify your phone number first.");
    public static readonly Error RealNameRefused = Error.Unprocessable("identity.real_name_refused", "The name and ID number could not be verified.");
    public static readonly Error NotACitizen = Error.Validation("identity.citizen_only", "Only a person's account can do this.");
    public static readonly Error InvalidClient = Error.Validation("identity.invalid_client", "A client id is 3 to 64 letters, digits or '-', and needs a known department.");
}

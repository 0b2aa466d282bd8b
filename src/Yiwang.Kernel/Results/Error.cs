namespace Yiwang.Kernel.Results;

/// <summary>What kind of refusal an <see cref="Error"/> is; decides the HTTP status it maps to.</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or breaks a rule (400, or 422 for well-formed input that cannot be processed).</summary>
    Validation,
    /// <summary>The input is well formed but cannot be processed as a whole, such as an import with bad rows (422).</summary>
    Unprocessable,
    /// <summary>The thing asked for does not exist, or the caller may not know that it exists (404).</summary>
    NotFound,
    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,
    /// <summary>The caller is known but not allowed (403).</summary>
    Forbidden,
    /// <summary>Something the platform needs for this request is not available here or now (503); retrying later may help.</summary>
    Unavailable,
    /// <summary>The caller has used up an allowance (a quota or a rate); retrying later may help (429).</summary>
    Exhausted,
}

/// <summary>
/// An expected refusal. <see cref="Code"/> is stable (<c>module.snake_reason</c>) and is what clients switch on;
/// <see cref="Message"/> is for people and may change.
/// </summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>reference.invalid_credit_code</c>.</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="Kind">Decides the HTTP status.</param>
/// <param name="Details">Optional structured details (for example the bad rows of an import), serialised as <c>errors</c>.</param>
public sealed record Error(string Code, string Message, ErrorKind Kind, object? Details = null)
{
    /// <summary>Creates a validation error (400).</summary>
    public static Error Validation(string code, string message, object? details = null) => new(code, message, ErrorKind.Validation, details);

    /// <summary>Creates a not-found error (404).</summary>
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    /// <summary>Creates a forbidden error (403).</summary>
    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    /// <summary>Creates a conflict error (409).</summary>
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    /// <summary>A needed facility is unavailable (503).</summary>
    public static Error Unavailable(string code, string message) => new(code, message, ErrorKind.Unavailable);

    /// <summary>An allowance is used up (429).</summary>
    public static Error Exhausted(string code, string message) => new(code, message, ErrorKind.Exhausted);

    /// <summary>Creates an unprocessable-content error (422).</summary>
    public static Error Unprocessable(string code, string message, object? details = null) => new(code, message, ErrorKind.Unprocessable, details);
}

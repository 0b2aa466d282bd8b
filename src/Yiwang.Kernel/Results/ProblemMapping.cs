using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Yiwang.Kernel.Results;

/// <summary>Turns <see cref="Error"/> values into RFC 9457 problem responses carrying the stable <c>code</c>.</summary>
public static class ProblemMapping
{
    /// <summary>Maps the error's kind to its status code.</summary>
    public static int StatusCode(this ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.Exhausted => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Builds the problem response for an error.</summary>
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = error.Code,
            ["traceId"] = Activity.Current?.Id,
        };
        if (error.Details is not null)
        {
            extensions["errors"] = error.Details;
        }

        return TypedResults.Problem(
            detail: error.Message,
            statusCode: error.Kind.StatusCode(),
            title: Title(error.Kind),
            extensions: extensions);
    }

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is invalid.",
        ErrorKind.Unprocessable => "The request cannot be processed.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "The request conflicts with the current state.",
        ErrorKind.Forbidden => "Forbidden.",
        ErrorKind.Unavailable => "Not available now.",
        ErrorKind.Exhausted => "Too many requests.",
        _ => "Error.",
    };
}

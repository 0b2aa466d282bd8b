using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Yiwang.Kernel.Results;

namespace Yiwang.Kernel.Http;

/// <summary>
/// The one place exceptions become responses. Concurrency losses and malformed requests are expected and get a
/// stable code; anything else is a bug or an infrastructure failure and becomes a 500 without a stack trace.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            DbUpdateConcurrencyException => Error.Conflict("concurrency.conflict", "Someone else changed this record first; reload and try again."),
            BadHttpRequestException bad => new Error("request.malformed", bad.Message, ErrorKind.Validation),
            _ => null,
        };
        if (error is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
            error = new Error("server.error", "An unexpected error occurred.", (ErrorKind)(-1));
        }

        var problem = error.ToProblem();
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);
}

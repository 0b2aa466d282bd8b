using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Yiwang.Kernel.Results;

namespace Yiwang.Kernel.Http;

/// <summary>
/// The one place exceptions become responses. Concurrency losses and malformed requests are expected and get a
/// stable code; anything else is a bug or an infrastructure failure and becomes a 500 without a stack trace
/// (unless <c>Errors:ShowExceptions</c> is set, which test hosts do so that a failure on CI explains itself).
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger, Microsoft.Extensions.Configuration.IConfiguration configuration) : IExceptionHandler
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
            var detail = string.Equals(configuration["Errors:ShowExceptions"], "true", StringComparison.OrdinalIgnoreCase) ? exception.ToString() : "An unexpected error occurred.";
            error = new Error("server.error", detail, (ErrorKind)(-1));
        }

        var problem = error.ToProblem();
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);
}

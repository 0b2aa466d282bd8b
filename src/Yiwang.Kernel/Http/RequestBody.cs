using Microsoft.AspNetCore.Http;
using Yiwang.Kernel.Results;

namespace Yiwang.Kernel.Http;

/// <summary>Reads an uploaded body into memory asynchronously (servers forbid synchronous reads), up to a size limit.</summary>
public static class RequestBody
{
    /// <summary>The body as a seekable stream, or <c>request.too_large</c> when it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<Result<MemoryStream>> BufferAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                return TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static Error TooLarge(long maxBytes) =>
        Error.Validation("request.too_large", $"The upload is larger than {maxBytes / (1024 * 1024)} MiB.");
}

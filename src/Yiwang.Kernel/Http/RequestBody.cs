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

    /// <summary>
    /// An optional JSON body: the default when the body is empty, <c>request.invalid_json</c> when it is not valid JSON
    /// for <typeparamref name="T"/>. For endpoints whose body may be left out, which minimal APIs would answer with 415.
    /// </summary>
    public static async Task<Result<T?>> ReadJsonOrDefaultAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        var buffered = await BufferAsync(request, 64 * 1024, ct);
        if (buffered.IsFailure)
        {
            return buffered.Error!;
        }

        await using var body = buffered.Value!;
        if (body.Length == 0)
        {
            return (T?)null;
        }

        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<T>(body, Json, ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return Error.Validation("request.invalid_json", "The body is not valid JSON for this request.");
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static Error TooLarge(long maxBytes) =>
        Error.Validation("request.too_large", $"The upload is larger than {maxBytes / (1024 * 1024)} MiB.");
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Yiwang.Kernel.Storage;

/// <summary>A file taken in and stored: its name as uploaded, its sniffed type, its size and its SHA-256.</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string Sha256);

/// <summary>Why an upload was refused; each module maps it to its own stable error code.</summary>
public enum UploadRefusal
{
    None,
    Missing,
    TooLarge,
    TypeNotAllowed,
    Infected,
}

/// <summary>
/// Taking one uploaded file in, the same way for every module: present and not empty, within the size cap, bytes that
/// match the type its name claims (PDF, JPEG, PNG, OFD), clean by the scan hook, then stored by content hash.
/// </summary>
public sealed class Uploads(IFileStore store, IUploadScanner scanner)
{
    public async Task<(StoredFile? File, UploadRefusal Refusal)> TakeAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, UploadRefusal.Missing);
        }

        if (file.Length > maxBytes)
        {
            return (null, UploadRefusal.TooLarge);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var name = Path.GetFileName(file.FileName ?? "");
        if (name.Length is 0 or > 200 || FileSniffer.TypeOf(content, name) is not { } type)
        {
            return (null, UploadRefusal.TypeNotAllowed);
        }

        if (!await scanner.IsCleanAsync(content, ct))
        {
            return (null, UploadRefusal.Infected);
        }

        return (new StoredFile(name, type, content.Length, await store.PutAsync(content, ct)), UploadRefusal.None);
    }
}

/// <summary>Registers the shared file store (under the data directory), the scan hook and <see cref="Uploads"/> once for all modules.</summary>
public static class FileStoreRegistration
{
    public static IServiceCollection AddSharedFileStore(this IServiceCollection services, string dataDirectory)
    {
        services.TryAddSingleton<IFileStore>(new DiskFileStore(Path.Combine(dataDirectory, "files")));
        services.TryAddSingleton<IUploadScanner, EicarOnlyScanner>();
        services.TryAddScoped<Uploads>();
        return services;
    }
}

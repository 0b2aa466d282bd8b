using System.Security.Cryptography;

namespace Yiwang.Kernel.Storage;

/// <summary>Where uploaded material files live. Pluggable: register another implementation for object storage.</summary>
public interface IFileStore
{
    /// <summary>Stores the bytes under their SHA-256 (hex); storing the same bytes twice keeps one copy.</summary>
    Task<string> PutAsync(byte[] content, CancellationToken ct);

    /// <summary>Opens stored bytes, or null when the hash is unknown.</summary>
    Stream? Open(string sha256);
}

/// <summary>The default store: content-addressed files under <c>{data}/files/ab/cd/{sha256}</c>.</summary>
public sealed class DiskFileStore(string root) : IFileStore
{
    public async Task<string> PutAsync(byte[] content, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Write to a temporary name and move, so a reader never sees half a file.
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, content, ct);
            File.Move(temp, path, overwrite: true);
        }

        return hash;
    }

    public Stream? Open(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower) && File.Exists(PathOf(sha256)) ? File.OpenRead(PathOf(sha256)) : null;

    private string PathOf(string hash) => Path.Combine(root, hash[..2], hash[2..4], hash);
}

/// <summary>The virus-scan hook (病毒查杀): every upload passes through it before it is stored.</summary>
public interface IUploadScanner
{
    /// <summary>True when the content may be stored.</summary>
    Task<bool> IsCleanAsync(byte[] content, CancellationToken ct);
}

/// <summary>
/// The built-in scanner only recognises the EICAR test file, so the hook can be exercised end to end; production
/// deployments register a scanner that calls their antivirus (for example clamd).
/// </summary>
public sealed class EicarOnlyScanner : IUploadScanner
{
    private static readonly byte[] Eicar = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"u8.ToArray();

    public Task<bool> IsCleanAsync(byte[] content, CancellationToken ct) => Task.FromResult(content.AsSpan().IndexOf(Eicar) < 0);
}

/// <summary>Checks that a file's bytes are what its type claims: PDF, JPEG, PNG or OFD (a zip container).</summary>
public static class FileSniffer
{
    public static string? TypeOf(ReadOnlySpan<byte> head, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".pdf" when head.StartsWith("%PDF-"u8) => "application/pdf",
            ".jpg" or ".jpeg" when head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) => "image/jpeg",
            ".png" when head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) => "image/png",
            ".ofd" when head.StartsWith("PK\u0003\u0004"u8) => "application/ofd",
            _ => null,
        };
    }
}

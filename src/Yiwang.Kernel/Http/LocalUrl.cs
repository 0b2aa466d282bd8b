namespace Yiwang.Kernel.Http;

/// <summary>Redirect targets taken from a request: only same-site paths, so no link can borrow the government domain for phishing.</summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a same-site path, otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? url, string fallback) =>
        url is { Length: > 0 } u && u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : fallback;
}

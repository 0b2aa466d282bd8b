namespace Yiwang.Host.Hosting;

/// <summary>
/// Where the platform keeps its data and which store it uses, from the command line, then the environment
/// (<c>YIWANG_DATA</c>, <c>YIWANG_DB</c>), then configuration (<c>Data:Directory</c>, <c>ConnectionStrings:Main</c>).
/// </summary>
internal static class PlatformOptions
{
    public static string DataDirectory(IConfiguration configuration) =>
        configuration["data"] ?? Environment.GetEnvironmentVariable("YIWANG_DATA") ?? configuration["Data:Directory"] ?? "data";

    public static string? ConnectionString(IConfiguration configuration) =>
        Environment.GetEnvironmentVariable("YIWANG_DB") is { Length: > 0 } env ? env : configuration.GetConnectionString("Main");
}

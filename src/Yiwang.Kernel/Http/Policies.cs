namespace Yiwang.Kernel.Http;

/// <summary>Authorization policy names shared by all modules; the host defines what each requires.</summary>
public static class Policies
{
    /// <summary>Platform administration (catalogue and reference data maintenance).</summary>
    public const string PlatformAdmin = "platform-admin";
}

namespace Yiwang.TestKit;

/// <summary>Finds the repository root (where Yiwang.sln is) so tests can write artifacts and read ../shared.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Artifacts(string name)
    {
        var dir = Path.Combine(Root, "artifacts", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The shared data directory beside the repository, or null when it is absent.</summary>
    public static string? SharedData(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", relative));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Yiwang.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

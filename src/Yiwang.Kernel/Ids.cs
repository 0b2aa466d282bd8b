namespace Yiwang.Kernel;

/// <summary>Application-generated identifiers. Version 7 GUIDs sort by creation time, which keeps B-tree inserts local.</summary>
public static class Ids
{
    /// <summary>A new time-ordered id for the given instant.</summary>
    public static Guid New(TimeProvider clock) => Guid.CreateVersion7(clock.GetUtcNow());
}

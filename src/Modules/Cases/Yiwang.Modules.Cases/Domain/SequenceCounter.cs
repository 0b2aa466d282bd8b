namespace Yiwang.Modules.Cases.Domain;

/// <summary>A per-key, per-day counter (case numbers per region and day, hall tickets per hall and day).</summary>
internal sealed class SequenceCounter
{
    public string Scope { get; set; } = "";
    public string Day { get; set; } = "";
    public int NextValue { get; set; }
}

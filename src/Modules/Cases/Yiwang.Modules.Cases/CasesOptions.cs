namespace Yiwang.Modules.Cases;

/// <summary>Settings of the applications module (section <c>Cases</c>).</summary>
internal sealed class CasesOptions
{
    /// <summary>Share of the time limit after which the light turns yellow (预警), 0–1.</summary>
    public double WarnShare { get; set; } = 0.8;

    /// <summary>Largest accepted upload.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>How often the time-limit sweep runs.</summary>
    public int SweepSeconds { get; set; } = 30;

    /// <summary>How long a hall ticket may wait before an alert (S04: 15 minutes).</summary>
    public int HallWaitAlertMinutes { get; set; } = 15;

    /// <summary>Working days a department has to close a rectification task (default 15; local policies vary).</summary>
    public int RectificationDays { get; set; } = 15;

    /// <summary>Store concurrent single actions together (group commit); off means one transaction per action.</summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>Most actions in one group commit.</summary>
    public int GroupCommitMax { get; set; } = 64;

    /// <summary>When busy, how long a group commit waits for the next actions to arrive (0 never waits).</summary>
    public double GroupCommitDelayMs { get; set; } = 1;

    /// <summary>Group-commit writers working at once (more than one only helps on PostgreSQL).</summary>
    public int GroupCommitWriters { get; set; } = 1;
}

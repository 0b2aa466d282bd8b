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
}

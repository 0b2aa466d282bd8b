namespace Yiwang.Modules.Hotline;

/// <summary>Settings of the hotline module (section <c>Hotline</c>).</summary>
internal sealed class HotlineOptions
{
    /// <summary>Directory of the trained dispatch model (<c>yiwang hotline train --model DIR</c>); empty: <c>hotline-model</c> in the data directory.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>From this confidence on a ticket is dispatched without an agent; below it an agent confirms.</summary>
    public double AutoDispatchConfidence { get; set; } = 0.8;

    /// <summary>Hours a department has to sign for a dispatched ticket (签收时限).</summary>
    public int SignHours { get; set; } = 2;

    /// <summary>Hours to handle an urgent ticket.</summary>
    public int UrgentHours { get; set; } = 24;

    /// <summary>Days to handle an ordinary ticket.</summary>
    public int OrdinaryDays { get; set; } = 7;

    /// <summary>Days to handle a complex one (疑难复杂).</summary>
    public int ComplexDays { get; set; } = 15;

    /// <summary>
    /// These defaults seed the time-limit rules of a new deployment and stand in for a missing rule; the rules are then
    /// data (<c>PUT /api/v1/hotline/time-limits</c>). Count days as working days of the reference calendar instead of calendar days.</summary>
    public bool WorkingDays { get; set; }

    /// <summary>How far back a new ticket is compared with open ones to spot a repeat.</summary>
    public int DuplicateWindowHours { get; set; } = 72;

    /// <summary>How often the deadline sweep runs.</summary>
    public int SweepSeconds { get; set; } = 60;

    /// <summary>The share of the handling time after which a ticket turns yellow and its department is warned.</summary>
    public double WarnShare { get; set; } = 0.8;
}

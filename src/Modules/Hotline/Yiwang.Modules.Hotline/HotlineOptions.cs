namespace Yiwang.Modules.Hotline;

/// <summary>Settings of the hotline module (section <c>Hotline</c>).</summary>
internal sealed class HotlineOptions
{
    /// <summary>Directory of the trained dispatch model (<c>yiwang hotline train --model DIR</c>); empty: <c>hotline-model</c> in the data directory.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>From this confidence on a ticket is dispatched without an agent; below it an agent confirms.</summary>
    public double AutoDispatchConfidence { get; set; } = 0.8;
}

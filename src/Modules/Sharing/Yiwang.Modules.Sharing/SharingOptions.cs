namespace Yiwang.Modules.Sharing;

/// <summary>Settings of the data-sharing hub (section <c>Sharing</c>).</summary>
internal sealed class SharingOptions
{
    /// <summary>Working days a provider has to decide a conditional request (国发〔2016〕51号: 10).</summary>
    public int DecisionWorkingDays { get; set; } = 10;

    /// <summary>Working days a provider has to answer a data objection.</summary>
    public int ObjectionWorkingDays { get; set; } = 5;

    /// <summary>Seconds between signed checkpoints of the evidence log.</summary>
    public int CheckpointSeconds { get; set; } = 60;

    /// <summary>Seconds between passes of the subject index behind the evidence log (see <c>SubjectIndexer</c>).</summary>
    public int SubjectIndexSeconds { get; set; } = 2;

    /// <summary>Seconds between sweeps for overdue requests and objections.</summary>
    public int SweepSeconds { get; set; } = 300;

    /// <summary>Seconds the hub waits for a provider's HTTP API.</summary>
    public int UpstreamTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds a node keeps a resource and a system's grant in memory for lookups (0: read them on every call).</summary>
    public int GrantCacheSeconds { get; set; } = 5;

    /// <summary>
    /// Hosts a resource's HTTP source may name: a host name, or <c>.domain</c> for the domain and its subdomains. Empty
    /// (the default): any host; the addresses the hub never calls are refused either way (see <c>UpstreamPolicy</c>).
    /// </summary>
    public List<string> UpstreamHosts { get; set; } = [];

    /// <summary>Lets the hub call a provider on this machine's loopback address (for a development set-up only).</summary>
    public bool UpstreamLoopbackAllowed { get; set; }

    /// <summary>Most records one lookup returns.</summary>
    public int MaxRecords { get; set; } = 100;
}

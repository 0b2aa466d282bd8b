using System.Diagnostics.Metrics;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// What an operator watches of the evidence log (meter <c>Yiwang.Sharing</c>, exported at <c>/metrics</c>): records
/// appended, records per commit (the group commit's batch), how long a commit takes, and batches that failed (each
/// of which refused its lookups). A commit time that grows with the load is the first sign that the log, not the
/// lookups, limits the hub.
/// </summary>
internal sealed class EvidenceMetrics
{
    public const string MeterName = "Yiwang.Sharing";

    private readonly Counter<long> _records;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitSeconds;
    private readonly Counter<long> _failures;

    public EvidenceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _records = meter.CreateCounter<long>("yiwang.sharing.evidence.records", "{record}", "Evidence records committed");
        _batchSize = meter.CreateHistogram<int>("yiwang.sharing.evidence.batch_size", "{record}", "Records per commit of the evidence log",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096] });
        _commitSeconds = meter.CreateHistogram<double>("yiwang.sharing.evidence.commit.duration", "s", "Time to write and commit one batch of the evidence log",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _failures = meter.CreateCounter<long>("yiwang.sharing.evidence.failed_batches", "{batch}", "Batches of the evidence log that could not be written");
    }

    public void Committed(int records, TimeSpan took)
    {
        _records.Add(records);
        _batchSize.Record(records);
        _commitSeconds.Record(took.TotalSeconds);
    }

    public void Failed() => _failures.Add(1);
}

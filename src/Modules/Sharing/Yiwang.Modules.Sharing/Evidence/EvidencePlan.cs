using System.Globalization;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// What one batch of the evidence log becomes, worked out in memory once the chain head and the grants' calls so far
/// today are known: each entry counted against its grant's daily quota (an entry over quota is recorded as refused and
/// carries no subjects), numbered, and chained to the one before. Both stores' writers use it, so they chain alike.
/// </summary>
internal sealed record EvidencePlan(List<EvidenceRecord> Records, Appended[] Results, Dictionary<Guid, int> Usage, long LastSeq, string LastHash)
{
    /// <summary>The quota day (yyyyMMdd) of <paramref name="now"/>: quotas run by the day in Beijing.</summary>
    public static string QuotaDay(DateTime now) => now.AddHours(8).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The grants whose calls the batch counts against a quota; their calls so far today are needed before planning.</summary>
    public static Guid[] QuotaGrants(IReadOnlyList<EvidenceEntry> batch) =>
        batch.Where(Counts).Select(e => e.GrantId!.Value).Distinct().ToArray();

    /// <summary>Plans the batch after the head (<paramref name="seq"/>, <paramref name="hash"/>); <paramref name="calls"/> holds today's calls per grant (absent is none).</summary>
    public static EvidencePlan Make(IReadOnlyList<EvidenceEntry> batch, long seq, string hash, DateTime now, IReadOnlyDictionary<Guid, int> calls)
    {
        var usage = new Dictionary<Guid, int>();
        var results = new Appended[batch.Count];
        var records = new List<EvidenceRecord>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var entry = batch[i];
            var within = true;
            if (Counts(entry))
            {
                var grant = entry.GrantId!.Value;
                var used = usage.TryGetValue(grant, out var counted) ? counted : calls.GetValueOrDefault(grant);
                within = used < entry.Quota;
                usage[grant] = within ? used + 1 : used;
            }

            var record = new EvidenceRecord
            {
                Seq = ++seq, AtUtc = now, ClientId = entry.ClientId, ConsumerDepartmentCode = entry.ConsumerDepartmentCode,
                ProviderDepartmentCode = entry.ProviderDepartmentCode, ResourceCode = entry.ResourceCode, Items = entry.Items, Purpose = entry.Purpose,
                CaseRef = entry.CaseRef, Subjects = within ? string.Join(' ', entry.Subjects) : "",
                Outcome = within ? entry.Outcome : SharingErrors.QuotaExceeded.Code, ResultCount = within ? entry.ResultCount : 0,
            };
            record.Hash = hash = EvidenceChain.Hash(hash, record);
            records.Add(record);
            results[i] = new Appended(record.Seq, within);
        }

        return new EvidencePlan(records, results, usage, seq, hash);
    }

    /// <summary>Whether the entry counts against its grant's daily quota: a served call under a grant with a quota.</summary>
    public static bool Counts(EvidenceEntry entry) => entry is { GrantId: not null, Quota: > 0, Outcome: "ok" };
}

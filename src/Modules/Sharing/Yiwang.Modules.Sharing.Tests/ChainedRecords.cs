using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Evidence;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>Evidence records as an older build left them: chained from the genesis hash, the second naming one person.</summary>
internal static class ChainedRecords
{
    public static List<EvidenceRecord> Make(int count, string resourceCode)
    {
        var hash = EvidenceChain.Genesis;
        var records = new List<EvidenceRecord>();
        for (var seq = 1; seq <= count; seq++)
        {
            var record = new EvidenceRecord
            {
                Seq = seq, AtUtc = new DateTime(2026, 11, 1, 8, 0, seq, DateTimeKind.Utc), ClientId = "wh-mz-marriage", ConsumerDepartmentCode = "WH-MZ",
                ProviderDepartmentCode = "GA-SCJG", ResourceCode = resourceCode, Items = "creditCode", Purpose = "核验", Subjects = seq == 2 ? "00ff" : "",
                Outcome = "ok", ResultCount = 1,
            };
            record.Hash = hash = EvidenceChain.Hash(hash, record);
            records.Add(record);
        }

        return records;
    }
}

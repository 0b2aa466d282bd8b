using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Org.BouncyCastle.Crypto.Digests;
using Xunit;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Evidence;

namespace Yiwang.Modules.Sharing.Tests;

public sealed class EvidenceChainTests
{
    [Fact]
    public void The_hash_is_byte_for_byte_the_one_written_by_earlier_versions_so_existing_logs_still_verify()
    {
        // Chinese, quotes, HTML characters, control characters and surrogate pairs: every case the encoder escapes.
        var text = Gen.Elements("户口迁移", "\"", "<", ">", "&", "'", "+", "\\", "\n", "\u0001", "😀", "a", "1", " ", "é").ArrayOf().Select(parts => string.Concat(parts));
        var records =
            from seq in Gen.Choose(1, int.MaxValue)
            from ticks in Gen.Choose(0, int.MaxValue)
            from fields in text.ArrayOf(8)
            from caseRef in Gen.OneOf(Gen.Constant<string?>(null), text.Select(t => (string?)t))
            from count in Gen.Choose(0, 1000)
            select new EvidenceRecord
            {
                Seq = seq * 3L, AtUtc = new DateTime(638_000_000_000_000_000L + ticks * 10L, DateTimeKind.Utc), ClientId = fields[0], ConsumerDepartmentCode = fields[1],
                ProviderDepartmentCode = fields[2], ResourceCode = fields[3], Items = fields[4], Purpose = fields[5], CaseRef = caseRef, Subjects = fields[6],
                Outcome = fields[7], ResultCount = count,
            };

        Prop.ForAll(records.ToArbitrary(), record => EvidenceChain.Hash(EvidenceChain.Genesis, record) == EarlierHash(EvidenceChain.Genesis, record))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>The canonical form as the first version of the log computed it.</summary>
    private static string EarlierHash(string previousHash, EvidenceRecord r)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            r.Seq, r.AtUtc.Ticks / 10, r.ClientId, r.ConsumerDepartmentCode, r.ProviderDepartmentCode, r.ResourceCode,
            r.Items, r.Purpose, r.CaseRef, r.Subjects, r.Outcome, r.ResultCount,
        });
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + canonical);
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Digests;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// The hash chain of the evidence log: each record's hash is SM3 (GB/T 32905, 国密杂凑) over the previous hash and the
/// record's canonical form (a JSON array of its fields in a fixed order, times in whole microseconds so that both
/// databases store exactly what was hashed). Changing, removing or reordering a record breaks every hash after it.
/// </summary>
internal static class EvidenceChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Hash(string previousHash, EvidenceRecord r)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            r.Seq, Microseconds(r.AtUtc), r.ClientId, r.ConsumerDepartmentCode, r.ProviderDepartmentCode, r.ResourceCode,
            r.Items, r.Purpose, r.CaseRef, r.Subjects, r.Outcome, r.ResultCount,
        });
        return Sm3Hex(previousHash + "\n" + canonical);
    }

    /// <summary>What a checkpoint signs.</summary>
    public static byte[] CheckpointBytes(long seq, string hash) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"yiwang-sharing-evidence-checkpoint\n{seq}\n{hash}"));

    /// <summary>Cuts a time to whole microseconds (PostgreSQL's precision), in UTC.</summary>
    public static DateTime ToMicroseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    private static long Microseconds(DateTime utc) => utc.Ticks / 10;

    public static string Sm3Hex(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }
}

using System.Buffers;
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
        // The canonical form is what JsonSerializer writes for the fields as an object array (the verifier of an
        // existing log depends on every byte); Utf8JsonWriter with the same default encoder writes the same bytes
        // without boxing each field and walking it by reflection.
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(Encoding.UTF8.GetBytes(previousHash + "\n"));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(r.Seq);
            json.WriteNumberValue(Microseconds(r.AtUtc));
            foreach (var text in new[] { r.ClientId, r.ConsumerDepartmentCode, r.ProviderDepartmentCode, r.ResourceCode, r.Items, r.Purpose, r.CaseRef, r.Subjects, r.Outcome })
            {
                if (text is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(text);
                }
            }

            json.WriteNumberValue(r.ResultCount);
            json.WriteEndArray();
        }

        return Sm3Hex(buffer.WrittenSpan);
    }

    /// <summary>What a checkpoint signs.</summary>
    public static byte[] CheckpointBytes(long seq, string hash) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"yiwang-sharing-evidence-checkpoint\n{seq}\n{hash}"));

    /// <summary>Cuts a time to whole microseconds (PostgreSQL's precision), in UTC.</summary>
    public static DateTime ToMicroseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    private static long Microseconds(DateTime utc) => utc.Ticks / 10;

    private static string Sm3Hex(ReadOnlySpan<byte> bytes)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes);
        Span<byte> output = stackalloc byte[32];
        digest.DoFinal(output);
        return Convert.ToHexStringLower(output);
    }
}

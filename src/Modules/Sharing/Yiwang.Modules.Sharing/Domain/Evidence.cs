using Yiwang.Modules.Sharing.Evidence;

namespace Yiwang.Modules.Sharing.Domain;

/// <summary>
/// One record of the evidence log (共享调用存证): who called for what, why, with what outcome. Append-only: nothing in the
/// platform updates or deletes it. <see cref="Hash"/> chains it to the record before (see <see cref="EvidenceChain"/>).
/// </summary>
internal sealed class EvidenceRecord
{
    public long Seq { get; set; }
    public DateTime AtUtc { get; set; }
    public string ClientId { get; set; } = "";
    public string ConsumerDepartmentCode { get; set; } = "";
    public string ProviderDepartmentCode { get; set; } = "";
    public string ResourceCode { get; set; } = "";
    public string Items { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string? CaseRef { get; set; }

    /// <summary>Keyed digests of the ID numbers whose data left the hub (space-separated), for the persons' data-use view.</summary>
    public string Subjects { get; set; } = "";

    /// <summary><c>ok</c> or the refusal's error code.</summary>
    public string Outcome { get; set; } = "";
    public int ResultCount { get; set; }
    public string Hash { get; set; } = "";
}

/// <summary>
/// Index of <see cref="EvidenceRecord.Subjects"/>: one row per person per record, written behind the log by
/// <see cref="SubjectIndexer"/> up to <see cref="SubjectIndexMark"/>.
/// </summary>
internal sealed class EvidenceSubject
{
    public string Digest { get; set; } = "";
    public long Seq { get; set; }
}

/// <summary>How far the subject index has caught up with the log (one row): every record up to this number is indexed.</summary>
internal sealed class SubjectIndexMark
{
    public int Id { get; set; }
    public long IndexedSeq { get; set; }
}

/// <summary>The head of the chain (one row): the last sequence number and hash; writers lock it to append.</summary>
internal sealed class ChainHead
{
    public int Id { get; set; }
    public long LastSeq { get; set; }
    public string LastHash { get; set; } = EvidenceChain.Genesis;
}

/// <summary>A checkpoint (检查点): the chain's hash at a sequence number, signed with the platform key.</summary>
internal sealed class Checkpoint
{
    public long Seq { get; set; }
    public string Hash { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public string Kid { get; set; } = "";
    public string Alg { get; set; } = "";
    public string Signature { get; set; } = "";
}

/// <summary>Calls served on one grant on one Shanghai day, for the daily quota.</summary>
internal sealed class GrantUsage
{
    public Guid GrantId { get; set; }
    public string Day { get; set; } = "";
    public int Calls { get; set; }
}

/// <summary>A module setting kept in the database (so that every node shares it), such as the subject-digest key.</summary>
internal sealed class SharingSetting
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

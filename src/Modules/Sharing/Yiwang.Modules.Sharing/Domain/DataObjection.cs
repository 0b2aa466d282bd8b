using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Sharing.Domain;

/// <summary>
/// A data objection (数据异议): a consumer department or the person concerned says one value of one record is wrong.
/// The provider corrects it (更正, the record changes and the old value stays here) or explains why it stands (说明)
/// before <see cref="DueAtUtc"/>; past it the objection is escalated. One datum, one source (一数一源): only the provider changes it.
/// </summary>
internal sealed class DataObjection
{
    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    public string ResourceCode { get; private set; } = "";
    public string ProviderDepartmentCode { get; private set; } = "";
    public string RecordKey { get; private set; } = "";
    public string Item { get; private set; } = "";
    public string? ValueAtObjection { get; private set; }
    public string? ProposedValue { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>A department code, or <c>person:</c> and the account id.</summary>
    public string RaisedBy { get; private set; } = "";
    public string State { get; private set; } = "Open";
    public DateTime RaisedAtUtc { get; private set; }
    public DateTime DueAtUtc { get; private set; }
    public DateTime? EscalatedAtUtc { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public int Revision { get; private set; }

    public static DataObjection Raise(
        Guid id, DataResource resource, string recordKey, string item, string? current, string? proposed, string reason, string raisedBy, DateTimeOffset now, DateTime due) => new()
    {
        Id = id, ResourceId = resource.Id, ResourceCode = resource.Code, ProviderDepartmentCode = resource.ProviderDepartmentCode, RecordKey = recordKey,
        Item = item, ValueAtObjection = current, ProposedValue = proposed, Reason = reason, RaisedBy = raisedBy, RaisedAtUtc = now.UtcDateTime, DueAtUtc = due,
    };

    public Result Resolve(bool corrected, string answer, string by, DateTimeOffset now)
    {
        if (State != "Open")
        {
            return SharingErrors.AlreadyAnswered;
        }

        State = corrected ? "Corrected" : "Explained";
        Answer = answer;
        AnsweredBy = by;
        AnsweredAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    public void Escalate(DateTimeOffset now)
    {
        EscalatedAtUtc = now.UtcDateTime;
        Revision++;
    }
}

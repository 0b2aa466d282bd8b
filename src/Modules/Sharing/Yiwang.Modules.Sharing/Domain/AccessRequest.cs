using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing.Domain;

/// <summary>
/// A sharing request (共享申请) from a consumer department for one of its systems, and the grant (授权) it becomes: the
/// items, purpose, legal basis, period and daily quota. Unconditional resources are granted on request; conditional
/// ones wait for the provider until <see cref="DueAtUtc"/> and are escalated (催办) past it.
/// </summary>
internal sealed class AccessRequest
{
    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid ResourceId { get; private set; }
    public string ResourceCode { get; private set; } = "";
    public string ResourceName { get; private set; } = "";
    public string ProviderDepartmentCode { get; private set; } = "";
    public string ConsumerDepartmentCode { get; private set; } = "";
    public string ClientId { get; private set; } = "";
    public List<string> Items { get; private set; } = [];
    public List<string> MaskedItems { get; private set; } = [];
    public string Purpose { get; private set; } = "";
    public string? LegalBasis { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public int DailyQuota { get; private set; }
    public RequestState State { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public DateTime? DueAtUtc { get; private set; }
    public DateTime? EscalatedAtUtc { get; private set; }
    public string? Reason { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public int Revision { get; private set; }

    public static AccessRequest Submit(
        Guid id, string number, DataResource resource, string consumerDepartment, string clientId, IReadOnlyList<string> items, string purpose,
        string? legalBasis, DateOnly validUntil, int dailyQuota, DateTimeOffset now, DateTime dueAtUtc) => new()
    {
        Id = id, Number = number, ResourceId = resource.Id, ResourceCode = resource.Code, ResourceName = resource.Name, ProviderDepartmentCode = resource.ProviderDepartmentCode,
        ConsumerDepartmentCode = consumerDepartment, ClientId = clientId, Items = [.. items], Purpose = purpose, LegalBasis = legalBasis,
        ValidUntil = validUntil, DailyQuota = dailyQuota, State = RequestState.Pending, RequestedAtUtc = now.UtcDateTime, DueAtUtc = dueAtUtc,
        // Sensitive items are masked unless the provider clears them (数据最小化).
        MaskedItems = [.. items.Where(i => resource.Item(i)?.Sensitive == true)],
    };

    public Result Grant(string by, IReadOnlyList<string> clearItems, DateTimeOffset now)
    {
        if (State != RequestState.Pending)
        {
            return SharingErrors.AlreadyDecided;
        }

        State = RequestState.Granted;
        MaskedItems = [.. MaskedItems.Where(i => !clearItems.Contains(i))];
        DecidedBy = by;
        DecidedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    public Result Refuse(string by, string reason, DateTimeOffset now)
    {
        if (State != RequestState.Pending)
        {
            return SharingErrors.AlreadyDecided;
        }

        State = RequestState.Refused;
        Reason = reason;
        DecidedBy = by;
        DecidedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    public Result Revoke(string by, DateTimeOffset now)
    {
        if (State != RequestState.Granted)
        {
            return SharingErrors.NotGranted;
        }

        State = RequestState.Revoked;
        DecidedBy = by;
        DecidedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    public void Escalate(DateTimeOffset now)
    {
        EscalatedAtUtc = now.UtcDateTime;
        Revision++;
    }

    /// <summary>Serves calls now: granted and within its period (Asia/Shanghai days).</summary>
    public bool IsActive(DateTimeOffset now) => State == RequestState.Granted && DateOnly.FromDateTime(now.UtcDateTime.AddHours(8)) <= ValidUntil;

    public bool IsOverdue(DateTimeOffset now) => State == RequestState.Pending && DueAtUtc is { } due && now.UtcDateTime > due;
}

namespace Yiwang.Kernel.Auditing;

/// <summary>
/// One append-only audit record (审计记录): who did what to which subject, when and from where.
/// Each module keeps its own table of these (<c>{module}_audit</c>), written in the same transaction as the change.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    /// <summary>Time-ordered id.</summary>
    public Guid Id { get; private set; }

    /// <summary>When, in UTC.</summary>
    public DateTime AtUtc { get; private set; }

    /// <summary>Actor id.</summary>
    public string ActorId { get; private set; } = "";

    /// <summary>Actor display name.</summary>
    public string ActorName { get; private set; } = "";

    /// <summary>Remote address, if any.</summary>
    public string? IpAddress { get; private set; }

    /// <summary>User agent, if any.</summary>
    public string? UserAgent { get; private set; }

    /// <summary>What happened, e.g. <c>catalog.item_published</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>What it happened to, e.g. an item code.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>Optional short detail (never personal data).</summary>
    public string? Detail { get; private set; }

    /// <summary>Creates a record for an action taken now by an actor.</summary>
    public static AuditEntry Record(Actor actor, string action, string subject, string? detail, TimeProvider clock) => new()
    {
        Id = Ids.New(clock),
        AtUtc = clock.GetUtcNow().UtcDateTime,
        ActorId = actor.Id,
        ActorName = actor.Name,
        IpAddress = actor.IpAddress,
        UserAgent = actor.UserAgent is { Length: > 256 } ua ? ua[..256] : actor.UserAgent,
        Action = action,
        Subject = subject,
        Detail = detail,
    };
}

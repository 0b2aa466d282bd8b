namespace Yiwang.Modules.Hotline.Domain;

/// <summary>One step in a ticket's history (流转记录): who did what, when, with what note.</summary>
internal sealed class TicketEvent
{
    private TicketEvent()
    {
    }

    public Guid Id { get; private set; }
    public Guid TicketId { get; private set; }
    public string Action { get; private set; } = "";
    public string Actor { get; private set; } = "";
    public string? Note { get; private set; }

    /// <summary>The department holding the ticket after the step (for dispatches and transfers: the one it went to; for a return: the one returning).</summary>
    public string? DepartmentCode { get; private set; }
    public DateTime AtUtc { get; private set; }

    public static TicketEvent Record(Guid id, Guid ticketId, string action, string actor, string? note, DateTimeOffset now, string? departmentCode = null) => new()
    {
        DepartmentCode = departmentCode,
        Id = id,
        TicketId = ticketId,
        Action = action,
        Actor = actor,
        Note = note is { Length: > 500 } ? note[..500] : note,
        AtUtc = now.UtcDateTime,
    };
}

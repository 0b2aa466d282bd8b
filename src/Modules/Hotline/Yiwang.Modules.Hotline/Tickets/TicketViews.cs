using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;

namespace Yiwang.Modules.Hotline.Tickets;

internal static class TicketViews
{
    public static TicketView View(Ticket t, bool whole, DateTimeOffset now, IReadOnlyList<TicketEvent>? history = null) => new(
        t.Id, t.Number, t.Channel, t.Kind, whole ? t.CallerName : MaskName(t.CallerName), whole ? t.CallerPhone : MaskPhone(t.CallerPhone),
        t.Anonymous, t.Title, t.Text, t.Address, t.RegionCode, t.Urgent, t.Category, t.Confidence, t.State, t.DepartmentCode, t.CreatedAtUtc,
        t.SignDueUtc, t.HandleDueUtc, IsOverdue(t, now), Light(t, now), t.EscalatedAtUtc, t.PossibleDuplicateOfId, t.MergedIntoId, t.Reply, t.RepliedAtUtc, t.Satisfaction, t.Returns, t.Reopens, t.Revision,
        [.. (history ?? []).Select(e => new TicketStepView(e.AtUtc, e.Action, e.Actor, e.Note))], t.ReturnedBy, t.ExtensionDays, t.ExtensionReason, t.Extensions, t.CoHandlers, t.Latitude, t.Longitude);

    public static bool IsOverdue(Ticket t, DateTimeOffset now) =>
        (t.State == TicketState.Dispatched && t.SignDueUtc is { } sign && now.UtcDateTime > sign)
        || (t.State is TicketState.Dispatched or TicketState.Accepted && t.HandleDueUtc is { } handle && now.UtcDateTime > handle);

    /// <summary>Traffic light of an open ticket: red past a deadline, yellow once warned, green otherwise; "none" when not with a department.</summary>
    public static string Light(Ticket t, DateTimeOffset now) =>
        t.State is not (TicketState.Dispatched or TicketState.Accepted) ? "none" : IsOverdue(t, now) ? "red" : t.WarnedAtUtc is not null ? "yellow" : "green";

    public static string MaskPhone(string phone) => phone.Length < 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    public static string MaskName(string name) => name.Length switch
    {
        0 => "",
        1 => "*",
        _ => name[..1] + new string('*', name.Length - 1),
    };
}

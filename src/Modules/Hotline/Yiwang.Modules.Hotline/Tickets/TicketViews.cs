using Yiwang.Kernel.Privacy;
using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Hotline.Categories;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;

namespace Yiwang.Modules.Hotline.Tickets;

internal static class TicketViews
{
    /// <summary>One ticket in full, with its history, category path and attachments, for those who may see it whole.</summary>
    public static async Task<TicketView> WholeAsync(HotlineDbContext db, CategoryTree categories, Ticket t, DateTimeOffset now, CancellationToken ct)
    {
        var history = await db.Events.AsNoTracking().Where(e => e.TicketId == t.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.TicketId == t.Id).OrderBy(a => a.UploadedAtUtc).ToListAsync(ct);
        return View(t, whole: true, now, history) with
        {
            CategoryPath = await categories.PathAsync(t.CategoryCode, ct),
            Attachments = [.. files.Select(TicketFiles.View)],
        };
    }

    public static TicketView View(Ticket t, bool whole, DateTimeOffset now, IReadOnlyList<TicketEvent>? history = null) => new(
        t.Id, t.Number, t.Channel, t.Kind, whole ? t.CallerName : PersonalDataMasks.Name(t.CallerName), whole ? t.CallerPhone : PersonalDataMasks.Phone(t.CallerPhone)!,
        t.Anonymous, t.Title, t.Text, t.Address, t.RegionCode, t.Urgent, t.Category, t.Confidence, t.State, t.DepartmentCode, t.CreatedAtUtc,
        t.SignDueUtc, t.HandleDueUtc, IsOverdue(t, now), Light(t, now), t.EscalatedAtUtc, t.PossibleDuplicateOfId, t.MergedIntoId, t.Reply, t.RepliedAtUtc, t.Satisfaction, t.Returns, t.Reopens, t.Revision,
        [.. (history ?? []).Select(e => new TicketStepView(e.AtUtc, e.Action, e.Actor, e.Note))], t.ReturnedBy, t.ExtensionDays, t.ExtensionReason, t.Extensions, t.CoHandlers, t.Latitude, t.Longitude,
        t.Urgency, t.CategoryCode, null, t.HandlerAccountId, t.HandlerName);

    public static bool IsOverdue(Ticket t, DateTimeOffset now) =>
        (t.State == TicketState.Dispatched && t.SignDueUtc is { } sign && now.UtcDateTime > sign)
        || (t.State is TicketState.Dispatched or TicketState.Accepted && t.HandleDueUtc is { } handle && now.UtcDateTime > handle);

    /// <summary>Traffic light of an open ticket: red past a deadline, yellow once warned, green otherwise; "none" when not with a department.</summary>
    public static string Light(Ticket t, DateTimeOffset now) =>
        t.State is not (TicketState.Dispatched or TicketState.Accepted) ? "none" : IsOverdue(t, now) ? "red" : t.WarnedAtUtc is not null ? "yellow" : "green";
}

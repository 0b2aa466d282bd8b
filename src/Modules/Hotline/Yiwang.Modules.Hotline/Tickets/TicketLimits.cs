using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// Ticket deadlines (办理时限) from the time-limit rules (<see cref="TimeLimit"/>): the rule for the ticket's kind and
/// urgency, else the rule for its urgency and every kind, else the configured defaults (sign for within
/// <c>Hotline:SignHours</c>, handle within <c>Hotline:UrgentHours</c> when urgent, <c>Hotline:ComplexDays</c> when
/// complex, <c>Hotline:OrdinaryDays</c> otherwise). Days are calendar days, or working days of the reference calendar.
/// </summary>
internal sealed class TicketLimits(HotlineDbContext db, IOptions<HotlineOptions> options, IWorkingDayCalendar calendar)
{
    public async Task<(DateTimeOffset SignDue, DateTimeOffset HandleDue)> FromAsync(DateTimeOffset now, TicketKind kind, TicketUrgency urgency, CancellationToken ct)
    {
        var (own, any) = (TimeLimit.KeyOf(kind, urgency), TimeLimit.KeyOf(null, urgency));
        var rules = await db.TimeLimits.AsNoTracking().Where(l => l.Key == own || l.Key == any).ToListAsync(ct);
        var rule = rules.FirstOrDefault(l => l.Key == own) ?? rules.FirstOrDefault();
        var (sign, handle, unit) = rule is null ? Default(urgency) : (rule.SignHours, rule.Handle, rule.Unit);
        return (now.AddHours(sign), Add(now, handle, unit));
    }

    /// <summary>The built-in limits, also what a new deployment's rules start from.</summary>
    public (int SignHours, int Handle, TimeUnit Unit) Default(TicketUrgency urgency)
    {
        var o = options.Value;
        var days = o.WorkingDays ? TimeUnit.WorkingDays : TimeUnit.Days;
        return urgency switch
        {
            TicketUrgency.Urgent => (o.SignHours, o.UrgentHours, TimeUnit.Hours),
            TicketUrgency.Complex => (o.SignHours, o.ComplexDays, days),
            _ => (o.SignHours, o.OrdinaryDays, days),
        };
    }

    /// <summary>A handling deadline moved by an extension of <paramref name="days"/> (working or calendar days, as configured).</summary>
    public DateTimeOffset Extend(DateTimeOffset handleDue, int days) =>
        Add(handleDue, days, options.Value.WorkingDays ? TimeUnit.WorkingDays : TimeUnit.Days);

    private DateTimeOffset Add(DateTimeOffset from, int amount, TimeUnit unit) => unit switch
    {
        TimeUnit.Hours => from.AddHours(amount),
        TimeUnit.WorkingDays => calendar.AddWorkingDays(from, amount),
        _ => from.AddDays(amount),
    };
}

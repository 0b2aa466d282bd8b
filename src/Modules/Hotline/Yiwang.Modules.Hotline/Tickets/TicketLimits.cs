using Microsoft.Extensions.Options;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// Ticket deadlines (办理时限): sign for within <c>Hotline:SignHours</c> (2), handle within <c>Hotline:UrgentHours</c> (24)
/// when urgent or <c>Hotline:OrdinaryDays</c> (7) otherwise, in calendar time or, with <c>Hotline:WorkingDays</c>, in
/// working days of the reference calendar.
/// </summary>
internal sealed class TicketLimits(IOptions<HotlineOptions> options, IWorkingDayCalendar calendar)
{
    public (DateTimeOffset SignDue, DateTimeOffset HandleDue) From(DateTimeOffset now, bool urgent)
    {
        var o = options.Value;
        var sign = now.AddHours(o.SignHours);
        var handle = urgent ? now.AddHours(o.UrgentHours) : o.WorkingDays ? calendar.AddWorkingDays(now, o.OrdinaryDays) : now.AddDays(o.OrdinaryDays);
        return (sign, handle);
    }

    /// <summary>A handling deadline moved by an extension of <paramref name="days"/> (working or calendar days, as configured).</summary>
    public DateTimeOffset Extend(DateTimeOffset handleDue, int days) =>
        options.Value.WorkingDays ? calendar.AddWorkingDays(handleDue, days) : handleDue.AddDays(days);
}

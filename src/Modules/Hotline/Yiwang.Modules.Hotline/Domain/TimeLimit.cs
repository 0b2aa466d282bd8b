using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;

namespace Yiwang.Modules.Hotline.Domain;

/// <summary>How a handling time is counted: hours, calendar days, or working days of the reference calendar.</summary>
internal enum TimeUnit
{
    Hours,
    Days,
    WorkingDays,
}

/// <summary>
/// A time-limit rule (办理时限), as data: for one kind of ticket (or every kind, when <see cref="Kind"/> is null) and one
/// urgency, the hours to sign for it (签收) and the time to handle it. The rule for the ticket's own kind wins over the
/// rule for every kind.
/// </summary>
internal sealed class TimeLimit
{
    private TimeLimit()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Kind and urgency as one unique key (<c>*</c> for every kind), since a unique index does not compare nulls.</summary>
    public string Key { get; private set; } = "";
    public TicketKind? Kind { get; private set; }
    public TicketUrgency Urgency { get; private set; }
    public int SignHours { get; private set; }
    public int Handle { get; private set; }
    public TimeUnit Unit { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public int Revision { get; private set; }

    public static readonly Error Invalid = Error.Validation("hotline.invalid_time_limit",
        "A time limit needs sign-for hours (1–72) and a handling time of 1–720 hours, or 1–90 days or working days (unit Hours, Days or WorkingDays).");

    public static Result<TimeLimit> Create(Guid id, TicketKind? kind, TicketUrgency urgency, int signHours, int handle, TimeUnit unit, DateTimeOffset now)
    {
        var limit = new TimeLimit { Id = id, Key = KeyOf(kind, urgency), Kind = kind, Urgency = urgency };
        var set = limit.Set(signHours, handle, unit, now);
        return set.IsFailure ? set.Error! : limit;
    }

    public static string KeyOf(TicketKind? kind, TicketUrgency urgency) => $"{kind?.ToString() ?? "*"}/{urgency}";

    public Result Set(int signHours, int handle, TimeUnit unit, DateTimeOffset now)
    {
        if (signHours is < 1 or > 72 || handle < 1 || (unit == TimeUnit.Hours ? handle > 720 : handle > 90))
        {
            return Invalid;
        }

        (SignHours, Handle, Unit, UpdatedAtUtc) = (signHours, handle, unit, now.UtcDateTime);
        Revision++;
        return Result.Success;
    }
}

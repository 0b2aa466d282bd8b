using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>Where a hall queue ticket stands.</summary>
internal enum TicketState
{
    Waiting,
    Called,
    Served,
}

/// <summary>
/// A queue ticket (排队号) in a service hall (政务服务大厅): a call number per hall and day, called to a window by a
/// clerk. A ticket waiting longer than the configured time raises an alert (15 minutes in the Ningbo scenario S04).
/// </summary>
internal sealed class HallTicket
{
    private HallTicket()
    {
    }

    public Guid Id { get; private set; }
    public string HallCode { get; private set; } = "";
    public string Day { get; private set; } = "";
    public int Sequence { get; private set; }
    public string CallNumber { get; private set; } = "";
    public string QueryCode { get; private set; } = "";
    public string? ItemCode { get; private set; }
    public TicketState State { get; private set; }
    public DateTime TakenAtUtc { get; private set; }
    public DateTime? CalledAtUtc { get; private set; }
    public string? Window { get; private set; }
    public string? CalledBy { get; private set; }
    public DateTime? ServedAtUtc { get; private set; }
    public DateTime? WaitAlertRaisedAtUtc { get; private set; }
    public bool Rated { get; private set; }
    public int Revision { get; private set; }

    public static HallTicket Take(Guid id, string hallCode, string day, int sequence, string queryCode, string? itemCode, DateTimeOffset now) => new()
    {
        Id = id,
        HallCode = hallCode,
        Day = day,
        Sequence = sequence,
        CallNumber = $"A{sequence:D3}",
        QueryCode = queryCode,
        ItemCode = itemCode,
        State = TicketState.Waiting,
        TakenAtUtc = now.UtcDateTime,
    };

    public void Call(string window, string clerk, DateTimeOffset now)
    {
        State = TicketState.Called;
        Window = window;
        CalledBy = clerk;
        CalledAtUtc = now.UtcDateTime;
        Revision++;
    }

    public Result Finish(DateTimeOffset now)
    {
        if (State != TicketState.Called)
        {
            return CaseErrors.IllegalTransition;
        }

        State = TicketState.Served;
        ServedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    public Result MarkRated()
    {
        if (State != TicketState.Served || Rated)
        {
            return State != TicketState.Served ? CaseErrors.NotRatable : CaseErrors.AlreadyRated;
        }

        Rated = true;
        Revision++;
        return Result.Success;
    }

    public void MarkWaitAlertRaised(DateTimeOffset now) => WaitAlertRaisedAtUtc = now.UtcDateTime;
}

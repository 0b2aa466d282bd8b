using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Modules.Cases.Contracts;

namespace Yiwang.Modules.Cases.Domain;

/// <summary>
/// A process record (办件过程信息, GB/T 39046 Table 7): one action on a case with its step, opinion and actor.
/// The exchange export and the applicant's timeline read these; the module audit table keeps the "from where".
/// </summary>
internal sealed class CaseEvent
{
    private CaseEvent()
    {
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string Action { get; private set; } = "";
    public string? StepName { get; private set; }
    public CaseState FromState { get; private set; }
    public CaseState ToState { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? Opinion { get; private set; }

    public static CaseEvent Record(ServiceCase c, string action, string? stepName, CaseState from, Actor actor, string? opinion, TimeProvider clock) => new()
    {
        Id = Ids.New(clock),
        CaseId = c.Id,
        AtUtc = clock.GetUtcNow().UtcDateTime,
        Action = action,
        StepName = stepName,
        FromState = from,
        ToState = c.State,
        ActorId = actor.Id,
        ActorName = actor.Name,
        Opinion = opinion is { Length: > 1000 } ? opinion[..1000] : opinion,
    };

    public CaseEventView ToView() => new(AtUtc, Action, StepName, FromState, ToState, ActorName, Opinion);
}

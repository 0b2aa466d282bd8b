using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// The time-limit rules over HTTP: staff read them; the platform administrator sets the rule for a kind (or every
/// kind) and an urgency. A new rule applies to tickets dispatched from then on; running deadlines stay as they were.
/// </summary>
internal static class TimeLimitRules
{
    public sealed record TimeLimitRequest(TicketKind? Kind, TicketUrgency? Urgency, int? SignHours, int? Handle, string? Unit, int? Revision);

    public static readonly Error StaleRevision = TicketErrors.StaleRevisionOf("time limit");

    public static void MapTimeLimits(this RouteGroupBuilder group)
    {
        group.MapGet("/time-limits", List).RequireAuthorization().WithSummary("The time-limit rules (办理时限) per kind and urgency");
        group.MapPut("/time-limits", Set).RequireAuthorization(Kernel.Http.Policies.PlatformAdmin)
            .WithSummary("Set the sign-for hours and handling time (Hours, Days or WorkingDays) for a kind (or every kind, with none) and an urgency");
    }

    public static TimeLimitView View(TimeLimit l) => new(l.Kind, l.Urgency, l.SignHours, l.Handle, l.Unit.ToString(), l.Revision);

    public static async Task<IReadOnlyList<TimeLimitView>> ReadAsync(HotlineDbContext db, CancellationToken ct) =>
        [.. (await db.TimeLimits.AsNoTracking().ToListAsync(ct)).OrderBy(l => l.Kind.HasValue).ThenBy(l => l.Kind).ThenBy(l => l.Urgency).Select(View)];

    private static async Task<Results<Ok<IReadOnlyList<TimeLimitView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, IAccountOverviews accounts, HotlineDbContext db, CancellationToken ct) =>
        accounts.StaffOf(user) is null ? Dispatch.Classify.StaffOnly.ToProblem() : TypedResults.Ok(await ReadAsync(db, ct));

    private static async Task<Results<Ok<TimeLimitView>, ProblemHttpResult>> Set(TimeLimitRequest request, TimeLimitEditor editor, CancellationToken ct)
    {
        var set = await editor.SetAsync(request, ct);
        return set.IsFailure ? set.Error!.ToProblem() : TypedResults.Ok(set.Value!);
    }
}

/// <summary>Setting a time-limit rule, for the API and the settings page alike.</summary>
internal sealed class TimeLimitEditor(HotlineDbContext db, IActorAccessor actors, TimeProvider clock)
{
    public async Task<Result<TimeLimitView>> SetAsync(TimeLimitRules.TimeLimitRequest request, CancellationToken ct)
    {
        if (request.Urgency is not { } urgency || request.SignHours is not { } sign || request.Handle is not { } handle
            || !Enum.TryParse<TimeUnit>(request.Unit, ignoreCase: true, out var unit) || !Enum.IsDefined(unit) || int.TryParse(request.Unit, out _))
        {
            return TimeLimit.Invalid;
        }

        var key = TimeLimit.KeyOf(request.Kind, urgency);
        var rule = await db.TimeLimits.FirstOrDefaultAsync(l => l.Key == key, ct);
        var now = clock.GetUtcNow();
        if (rule is null)
        {
            var created = TimeLimit.Create(Ids.New(clock), request.Kind, urgency, sign, handle, unit, now);
            if (created.IsFailure)
            {
                return created.Error!;
            }

            rule = created.Value!;
            db.TimeLimits.Add(rule);
        }
        else if (request.Revision is { } revision && revision != rule.Revision)
        {
            return TimeLimitRules.StaleRevision;
        }
        else if (rule.Set(sign, handle, unit, now) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, "hotline.time_limit_set", key, $"签收 {sign} 小时，办理 {handle} {unit}", clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return TimeLimitRules.StaleRevision;
        }

        return TimeLimitRules.View(rule);
    }
}

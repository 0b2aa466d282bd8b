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
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// The handling steps: dispatch (派单, agent), sign for (签收), return (退单) and reply (答复) by the department that holds
/// the ticket, a direct answer (直办) by the agent, and the callback rating (回访) by the caller. Each step checks who may
/// take it, refuses a step the ticket cannot take, and loses to a concurrent change instead of overwriting it.
/// </summary>
internal static class TicketSteps
{
    public static void MapTicketSteps(this RouteGroupBuilder group)
    {
        group.MapPost("/tickets/{id:guid}/{step}", Handle).RequireAuthorization()
            .WithSummary("A handling step: dispatch (departmentCode, categoryCode or category, optional urgency), transfer (转派, with reason), supervise (督办, with note), merge (合并 into targetId), arbitrate (退单仲裁: the return does not stand), join (联办: departmentCode joins the lead), grant-extension / refuse-extension (with reason) by the agent; accept / assign (承办人: handlerId, a staff member of the department) / return / extend (延期申请: days, reason) / reply by the holding department (reply also by the agent while with the hotline: 直办); contribute (联办意见, reason) by a joint handler; rate by the caller");
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Handle(
        Guid id, string step, TicketStepRequest request, ClaimsPrincipal user, TicketStepper stepper, CancellationToken ct)
    {
        var done = await stepper.TakeAsync(user, id, step, request, ct);
        return done.IsFailure ? done.Error!.ToProblem() : TypedResults.Ok(done.Value!);
    }
}

/// <summary>The step use case, shared by the API and the web forms.</summary>
internal sealed class TicketStepper(
    HotlineDbContext db, TicketAccess access, IReferenceApi reference, IIdentityApi identity, TicketLimits limits, Categories.CategoryTree categories,
    IActorAccessor actors, TimeProvider clock)
{
    public static readonly Error UnknownStep = Error.NotFound("hotline.unknown_step",
        "Steps are dispatch, transfer, supervise, merge, arbitrate, join, grant-extension, refuse-extension (the hotline); accept, assign, return, extend, reply (the department); contribute (a joint handler); rate (the caller).");

    public async Task<Result<TicketView>> TakeAsync(ClaimsPrincipal user, Guid id, string step, TicketStepRequest request, CancellationToken ct)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !access.CanSee(user, ticket))
        {
            return TicketErrors.NotFound;
        }

        if (request.Revision is { } revision && revision != ticket.Revision)
        {
            return TicketErrors.StaleRevision;
        }

        var now = clock.GetUtcNow();
        var holderBefore = ticket.DepartmentCode;
        string? note;
        Result result;
        switch (step)
        {
            case "dispatch":
                if (!access.IsAgentFor(user, ticket.RegionCode))
                {
                    return TicketErrors.NotAgent;
                }

                if (string.IsNullOrWhiteSpace(request.DepartmentCode) || await reference.FindDepartmentAsync(request.DepartmentCode.Trim(), ct) is not { } department)
                {
                    return TicketErrors.UnknownDepartment;
                }

                // The agent confirms or corrects the category: a node of the tree by code, or a first-level name.
                if (request.CategoryCode is { Length: > 0 } categoryCode)
                {
                    if (await categories.ResolveAsync(categoryCode, ct) is not { } picked)
                    {
                        return TicketErrors.UnknownCategory;
                    }

                    ticket.Classify(picked.Node.Code, picked.Top.Name);
                }
                else if (!string.IsNullOrWhiteSpace(request.Category) || ticket.Category is null)
                {
                    if (await categories.TopByNameAsync(request.Category, ct) is not { } top)
                    {
                        return TicketErrors.UnknownCategory;
                    }

                    ticket.Classify(top.Code, top.Name);
                }

                if (request.Urgency is { } urgency)
                {
                    if (!Enum.IsDefined(urgency))
                    {
                        return TicketErrors.InvalidTicket;
                    }

                    ticket.Reclassify(urgency);
                }

                var (signDue, handleDue) = await limits.FromAsync(now, ticket.Kind, ticket.Urgency, ct);
                result = ticket.Dispatch(ticket.Category!, department.Code, now, signDue, handleDue);
                note = $"{ticket.Category} → {department.Name}";
                break;
            case "transfer":
                // 转派: the hotline moves a dispatched ticket to another department, saying why.
                if (!access.IsAgentFor(user, ticket.RegionCode))
                {
                    return TicketErrors.NotAgent;
                }

                if (!Ticket.IsReason(request.Reason))
                {
                    return TicketErrors.ReasonRequired;
                }

                if (ticket.State is not (TicketState.Dispatched or TicketState.Accepted) || string.IsNullOrWhiteSpace(request.DepartmentCode)
                    || await reference.FindDepartmentAsync(request.DepartmentCode.Trim(), ct) is not { } target)
                {
                    return ticket.State is TicketState.Dispatched or TicketState.Accepted ? TicketErrors.UnknownDepartment : TicketErrors.IllegalTransition;
                }

                var (transferSign, transferHandle) = await limits.FromAsync(now, ticket.Kind, ticket.Urgency, ct);
                result = ticket.Transfer(target.Code, now, transferSign, transferHandle);
                note = $"→ {target.Name}：{request.Reason.Trim()}";
                break;
            case "merge":
                if (!access.IsAgentFor(user, ticket.RegionCode))
                {
                    return TicketErrors.NotAgent;
                }

                var original = request.TargetId is { } targetId ? await db.Tickets.FirstOrDefaultAsync(t => t.Id == targetId, ct) : null;
                if (original is null || !access.IsAgentFor(user, original.RegionCode))
                {
                    return TicketErrors.NotFound;
                }

                result = ticket.MergeInto(original, now);
                note = $"合并至 {original.Number}";
                if (!result.IsFailure)
                {
                    db.Events.Add(TicketEvent.Record(Ids.New(clock), original.Id, "merged_in", actors.Current.Name, $"合并了 {ticket.Number}", now, original.DepartmentCode));
                }

                break;
            case "arbitrate":
                // 退单仲裁: the return does not stand; the department that returned it handles it after all.
                if (!access.IsAgentFor(user, ticket.RegionCode))
                {
                    return TicketErrors.NotAgent;
                }

                if (!Ticket.IsReason(request.Reason))
                {
                    return TicketErrors.ReasonRequired;
                }

                var returnedBy = ticket.ReturnedBy;
                var (arbitrateSign, arbitrateHandle) = await limits.FromAsync(now, ticket.Kind, ticket.Urgency, ct);
                result = ticket.OverruleReturn(now, arbitrateSign, arbitrateHandle);
                note = $"退单不成立，退回 {returnedBy}：{request.Reason.Trim()}";
                break;
            case "join":
                // 联办: the hotline adds a department to work with the lead (the department holding the ticket).
                if (!access.IsAgentFor(user, ticket.RegionCode))
                {
                    return TicketErrors.NotAgent;
                }

                if (string.IsNullOrWhiteSpace(request.DepartmentCode) || await reference.FindDepartmentAsync(request.DepartmentCode.Trim(), ct) is not { } partner)
                {
                    return TicketErrors.UnknownDepartment;
                }

                result = ticket.AddCoHandler(partner.Code);
                note = $"联办单位：{partner.Name}";
                if (!result.IsFailure)
                {
                    db.CoHandlers.Add(new CoHandler { TicketId = ticket.Id, DepartmentCode = partner.Code });
                }

                break;
            case "contribute":
                result = access.IsCoHandler(user, ticket) ? ticket.Contribute(request.Reason) : TicketErrors.NotHolder;
                note = $"{access.StaffOf(user)?.DepartmentCode}：{request.Reason?.Trim()}";
                break;
            case "extend":
                result = access.IsHolder(user, ticket) ? ticket.RequestExtension(request.Days, request.Reason) : TicketErrors.NotHolder;
                note = $"申请延期 {request.Days} 天：{request.Reason?.Trim()}";
                break;
            case "grant-extension":
            case "refuse-extension":
                if (!access.IsAgentFor(user, ticket.RegionCode))
                {
                    return TicketErrors.NotAgent;
                }

                var grant = step == "grant-extension";
                if (!grant && !Ticket.IsReason(request.Reason))
                {
                    return TicketErrors.ReasonRequired;
                }

                var days = ticket.ExtensionDays ?? 0;
                result = ticket.DecideExtension(grant, limits.Extend(ticket.HandleDueUtc is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : now, days));
                note = grant ? $"同意延期 {days} 天" : $"不同意延期：{request.Reason!.Trim()}";
                break;
            case "supervise":
                result = access.IsAgentFor(user, ticket.RegionCode) ? ticket.Supervise(request.Reason) : TicketErrors.NotAgent;
                note = request.Reason?.Trim();
                break;
            case "accept":
                result = access.IsHolder(user, ticket) ? ticket.Accept(now) : TicketErrors.NotHolder;
                note = null;
                break;
            case "assign":
                // 分派承办人: a member of the holding department gives it to a colleague (no handlerId: to nobody).
                if (!access.IsHolder(user, ticket))
                {
                    return TicketErrors.NotHolder;
                }

                string? handlerName = null;
                if (request.HandlerId is { } handlerId)
                {
                    var staff = await identity.StaffOfDepartmentAsync(ticket.DepartmentCode!, ct);
                    if (staff.FirstOrDefault(s => s.AccountId == handlerId) is not { } member)
                    {
                        return TicketErrors.InvalidHandler;
                    }

                    handlerName = member.Name;
                }

                result = ticket.Assign(request.HandlerId, handlerName);
                note = handlerName is null ? "取消承办人" : $"承办人：{handlerName}";
                break;
            case "return":
                result = access.IsHolder(user, ticket) ? ticket.Return(request.Reason) : TicketErrors.NotHolder;
                note = request.Reason?.Trim();
                break;
            case "reply":
                var direct = ticket.State == TicketState.Registered && access.IsAgentFor(user, ticket.RegionCode);
                result = direct || access.IsHolder(user, ticket) ? ticket.Answer(request.Reply, now) : TicketErrors.NotHolder;
                note = direct ? "直办" : null;
                break;
            case "rate":
                result = access.IsCaller(user, ticket) ? ticket.Rate(request.Level, now, (await limits.FromAsync(now, ticket.Kind, ticket.Urgency, ct)).HandleDue) : TicketErrors.NotFound;
                note = $"满意度 {request.Level}{(string.IsNullOrWhiteSpace(request.Comment) ? "" : "：" + request.Comment.Trim())}";
                break;
            default:
                return UnknownStep;
        }

        if (result.IsFailure)
        {
            return result.Error!;
        }

        var actor = actors.Current;
        var action = step == "rate" && ticket.State == TicketState.Dispatched ? "reopened" : step;
        db.Events.Add(TicketEvent.Record(Ids.New(clock), ticket.Id, action, actor.Name, note, now, step == "return" ? holderBefore : ticket.DepartmentCode));
        db.Audit.Add(AuditEntry.Record(actor, "hotline.ticket_" + action, ticket.Number, note, clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TicketErrors.StaleRevision;
        }

        return await TicketViews.WholeAsync(db, categories, ticket, now, ct);
    }
}

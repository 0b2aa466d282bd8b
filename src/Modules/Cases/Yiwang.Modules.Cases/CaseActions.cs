using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Cases;

/// <summary>The body of an action. Each action reads only the fields it needs.</summary>
/// <param name="Revision">The revision the caller read; a stale one is refused (409) so two clerks cannot both win.</param>
/// <param name="Opinion">处理意见 or reason.</param>
/// <param name="Items">Missing materials for 补正 (by their guide names).</param>
/// <param name="Decision">准予 / 不予.</param>
/// <param name="LegalBasis">Legal basis of a refusal.</param>
/// <param name="Delivery">Result delivery.</param>
/// <param name="Kind">Special procedure kind.</param>
/// <param name="Days">Extension in working days.</param>
internal sealed record ActionRequest(
    int? Revision = null, string? Opinion = null, IReadOnlyList<string>? Items = null, CaseDecision? Decision = null,
    string? LegalBasis = null, DeliveryMethod? Delivery = null, string? Kind = null, int? Days = null);

/// <summary>One action of a batch.</summary>
internal sealed record BulkItem(Guid Id, string Action, ActionRequest Request);

/// <summary>One action as its caller asked for it: who (for the access check), as which actor (for the audit), what.</summary>
internal sealed record ActionCall(ClaimsPrincipal User, Actor Actor, BulkItem Item);

/// <summary>A stored action: the case as stored and as its caller may see it.</summary>
internal sealed record ActionDone(ServiceCase Case, CaseViewer Viewer);

/// <summary>What happened to one action of a batch: done (with the new state and revision) or refused (with its code).</summary>
internal sealed record BulkOutcome(Guid Id, string Action, bool Done, string? Code, CaseState? State, int? Revision);

/// <summary>
/// Runs one action on a case (POST /applications/{id}/actions/{action} and the workbench forms alike): checks who may
/// do it, applies the transition, and writes the process record, the audit row and the applicant's message in the
/// same transaction. The revision is a concurrency token: of two simultaneous actions exactly one is stored.
/// </summary>
internal sealed class CaseActions(
    CasesDbContext db, CaseAccess access, IWorkingDayCalendar calendar, IOptions<CasesOptions> options, NotificationFanOut notifier,
    ActionGroupCommit groupCommit, IActorAccessor actors, TimeProvider clock)
{
    public static readonly string[] Names =
    [
        "submit", "pre-review", "accept", "reject", "request-supplement", "supplement", "pass-step", "decide",
        "start-special", "end-special", "request-extension", "approve-extension", "complete", "withdraw",
    ];

    /// <summary>Runs the action and reads the case back as the caller sees it.</summary>
    public async Task<Result<CaseDetail>> RunAsync(ClaimsPrincipal user, Guid id, string action, ActionRequest request, CancellationToken ct)
    {
        var acted = await ActAsync(user, id, action, request, ct);
        if (acted.IsFailure)
        {
            return acted.Error!;
        }

        var (c, viewer) = acted.Value!;
        return await CaseViews.DetailAsync(db, c, viewer, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Runs the action and returns the stored case, without reading anything back (Prefer: return=minimal). Through the
    /// group commit when it is on, so concurrent actions share one transaction; the answer still waits for the commit.
    /// </summary>
    public async Task<Result<ActionDone>> ActAsync(ClaimsPrincipal user, Guid id, string action, ActionRequest request, CancellationToken ct)
    {
        var call = new ActionCall(user, actors.Current, new BulkItem(id, action, request));
        if (options.Value.GroupCommit)
        {
            return await groupCommit.RunAsync(call, ct);
        }

        var group = await GroupAsync([call], ct);
        return group.IsFailure ? group.Error! : group.Value![0];
    }

    /// <summary>
    /// Several actions in one transaction (批量办理, and department systems syncing decisions): each is checked and applied
    /// as on its own, a refused one is reported and changes nothing, and the rest are stored together. If another
    /// writer changed one of the cases meanwhile, nothing is stored and the whole batch gets 409.
    /// </summary>
    public async Task<Result<IReadOnlyList<BulkOutcome>>> BulkAsync(ClaimsPrincipal user, IReadOnlyList<BulkItem> items, CancellationToken ct)
    {
        var actor = actors.Current;
        var group = await GroupAsync([.. items.Select(i => new ActionCall(user, actor, i))], ct);
        if (group.IsFailure)
        {
            return group.Error!;
        }

        return items.Zip(group.Value!, (item, done) => done.IsFailure
            ? new BulkOutcome(item.Id, item.Action, false, done.Error!.Code, null, null)
            : new BulkOutcome(item.Id, item.Action, true, null, done.Value!.Case.State, done.Value.Case.Revision)).ToList();
    }

    /// <summary>
    /// Checks and applies each call in turn on this unit of work, stores all that succeeded in one commit, then tells
    /// the applicants. The outer failure is the commit's (a concurrent change: nothing of the group was stored).
    /// </summary>
    public async Task<Result<IReadOnlyList<Result<ActionDone>>>> GroupAsync(IReadOnlyList<ActionCall> calls, CancellationToken ct)
    {
        var ids = calls.Select(i => i.Item.Id).Distinct().ToList();
        var cases = ids.Count == 1
            ? await db.Cases.Where(c => c.Id == ids[0]).ToDictionaryAsync(c => c.Id, ct)
            : await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var outcomes = new List<Result<ActionDone>>(calls.Count);
        var messages = new List<(ServiceCase Case, string Text)>();
        foreach (var (user, actor, item) in calls)
        {
            var c = cases.GetValueOrDefault(item.Id);
            var staged = await StageAsync(user, c, item.Action, item.Request, actor, ct);
            if (staged.IsFailure)
            {
                outcomes.Add(staged.Error!);
                continue;
            }

            outcomes.Add(new ActionDone(c!, staged.Value.Viewer));
            if (staged.Value.Message is { } text)
            {
                messages.Add((c!, text));
            }
        }

        if (await SaveAsync(calls.Any(i => i.Item.Action == "submit"), ct) is { } conflict)
        {
            return conflict;
        }

        foreach (var (c, text) in messages)
        {
            await notifier.SendAsync(c.ApplicantAccountId!.Value, c.Applicant.Phone, text, ct);
        }

        return outcomes;
    }

    /// <summary>Checks and applies one action, and stages its process record, audit row and applicant message.</summary>
    private async Task<Result<(CaseViewer Viewer, string? Message)>> StageAsync(ClaimsPrincipal user, ServiceCase? c, string action, ActionRequest request, Actor actor, CancellationToken ct)
    {
        if (c is null)
        {
            return CaseErrors.NotFound;
        }

        var viewer = await access.ViewerAsync(user, c, actor.Id, ct);
        if (!viewer.CanSee)
        {
            return CaseErrors.NotFound;
        }

        if (!Names.Contains(action))
        {
            return CaseErrors.UnknownAction;
        }

        if (request.Revision is { } revision && revision != c.Revision)
        {
            return CaseErrors.StaleRevision;
        }

        var from = c.State;
        var step = c.Step;
        var now = clock.GetUtcNow();
        var result = Authorise(action, viewer, c) is { } refused ? refused : await ApplyAsync(c, action, request, now, ct);
        if (result.IsFailure)
        {
            return result.Error!;
        }

        db.Events.Add(CaseEvent.Record(c, action, step?.Name ?? StepNameOf(action), from, actor, Opinion(action, request), clock));
        db.Audit.Add(AuditEntry.Record(actor, $"cases.{action}", c.Number ?? c.Id.ToString(), $"{from}->{c.State}", clock));
        var message = c.ApplicantAccountId is not null ? Message(c, action) : null;
        if (message is not null)
        {
            db.Notifications.Add(Notification.Create(Ids.New(clock), c.ApplicantAccountId!.Value, c.Id, message, now));
        }

        return (viewer, message);
    }

    /// <summary>Stores what was staged; the revision token turns a concurrent change into 409.</summary>
    private async Task<Error?> SaveAsync(bool numbersTaken, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseErrors.StaleRevision;
        }
        catch (DbUpdateException) when (numbersTaken)
        {
            // The same number can only come from a race on the same case; the other submit won.
            return CaseErrors.StaleRevision;
        }
    }

    private static Error? Authorise(string action, CaseViewer viewer, ServiceCase c) => action switch
    {
        "submit" or "supplement" or "withdraw" => viewer.IsApplicant ? null : CaseErrors.ApplicantOnly,
        "pre-review" or "accept" or "reject" => viewer.IsStaffWith(IdentityRoles.WindowClerk) ? null : CaseErrors.StaffOnly,
        "request-supplement" or "complete" => viewer.IsStaffWith(IdentityRoles.WindowClerk, IdentityRoles.Approver) ? null : CaseErrors.StaffOnly,
        "pass-step" or "decide" => viewer.Staff is null ? CaseErrors.StaffOnly : c.Step is { } s && !viewer.Staff.HasRole(s.Role) ? CaseErrors.NotYourStep : null,
        "start-special" or "end-special" or "request-extension" => viewer.IsStaffWith(IdentityRoles.Approver) ? null : CaseErrors.StaffOnly,
        "approve-extension" => viewer.IsStaffWith(IdentityRoles.DepartmentAdmin) ? null : CaseErrors.StaffOnly,
        _ => CaseErrors.UnknownAction,
    };

    private async Task<Result> ApplyAsync(ServiceCase c, string action, ActionRequest r, DateTimeOffset now, CancellationToken ct)
    {
        var share = Math.Clamp(options.Value.WarnShare, 0.05, 0.99);
        switch (action)
        {
            case "submit":
                var present = await PresentMaterialsAsync(c.Id, null, ct);
                if (c.MissingMaterials(present) is { Count: > 0 } missing)
                {
                    return CaseErrors.MaterialsMissing with { Details = missing };
                }

                var day = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
                var sequence = await Sequences.NextAsync(db, c.RegionCode[..Math.Min(6, c.RegionCode.Length)], day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), ct);
                return c.Submit(CaseNumber.Format(c.RegionCode.PadRight(6, '0'), day, sequence), CaseNumber.NewQueryCode(), present, now);
            case "pre-review":
                return c.PreReview(now);
            case "accept":
                return c.Accept(await PresentMaterialsAsync(c.Id, null, ct), calendar, share, now);
            case "reject":
                return c.RefuseAcceptance(r.Opinion, now);
            case "request-supplement":
                return c.RequestSupplement(r.Items, r.Opinion, now);
            case "supplement":
                return c.Supplement(await PresentMaterialsAsync(c.Id, c.SupplementRequestedAtUtc, ct), calendar, now);
            case "pass-step":
                return c.PassStep(now);
            case "decide":
                return c.Decide(r.Decision, r.Opinion, r.LegalBasis, now);
            case "start-special":
                return c.StartSpecialProcedure(r.Kind, r.Opinion, now);
            case "end-special":
                return c.EndSpecialProcedure(r.Opinion, calendar, now);
            case "request-extension":
                return c.RequestExtension(r.Days, r.Opinion, now);
            case "approve-extension":
                return c.ApproveExtension(calendar, now);
            case "complete":
                return c.Complete(r.Delivery, now);
            case "withdraw":
                return c.Withdraw(now);
            default:
                return CaseErrors.UnknownAction;
        }
    }

    /// <summary>Names of materials with an unrejected file, optionally only files uploaded after an instant (for 补正).</summary>
    private async Task<HashSet<string>> PresentMaterialsAsync(Guid caseId, DateTime? since, CancellationToken ct)
    {
        var query = db.Materials.AsNoTracking().Where(m => m.CaseId == caseId && m.Review != MaterialReview.Rejected);
        if (since is { } s)
        {
            query = query.Where(m => m.UploadedAtUtc >= s);
        }

        return [.. await query.Select(m => m.MaterialName).Distinct().ToListAsync(ct)];
    }

    private static string? StepNameOf(string action) => action switch
    {
        "submit" => "申报",
        "pre-review" => "预审",
        "accept" or "reject" => "受理",
        "request-supplement" or "supplement" => "补齐补正",
        "start-special" or "end-special" => "特别程序",
        "request-extension" or "approve-extension" => "延长审批",
        "complete" => "办结",
        "withdraw" => "撤回",
        _ => null,
    };

    private static string? Opinion(string action, ActionRequest r) => action switch
    {
        "request-supplement" => $"需补正：{string.Join("、", r.Items ?? [])}{(string.IsNullOrWhiteSpace(r.Opinion) ? "" : "。" + r.Opinion)}",
        "decide" => $"{(r.Decision == CaseDecision.Approved ? "准予" : "不予")}：{r.Opinion}{(string.IsNullOrWhiteSpace(r.LegalBasis) ? "" : "（依据：" + r.LegalBasis + "）")}",
        "start-special" => $"{r.Kind}：{r.Opinion}",
        "request-extension" => $"申请延长 {r.Days} 个工作日：{r.Opinion}",
        "complete" => $"送达方式：{r.Delivery switch { DeliveryMethod.PickUp => "窗口领取", DeliveryMethod.Post => "邮寄", DeliveryMethod.Electronic => "电子送达", _ => "" }}",
        _ => r.Opinion,
    };

    private static string? Message(ServiceCase c, string action) => action switch
    {
        "submit" => $"您申请的“{c.Item.Name}”已提交，办件编号 {c.Number}，查询码 {c.QueryCode}。",
        "accept" => $"您的办件 {c.Number}（{c.Item.Name}）已受理，承诺办结时间 {c.DueAtUtc:yyyy-MM-dd HH:mm}（UTC）。",
        "reject" => $"您的办件 {c.Number} 不予受理：{c.NotAcceptedReason}",
        "request-supplement" => $"您的办件 {c.Number} 需要补齐补正以下材料：{string.Join("、", c.SupplementItems)}。{c.SupplementNote}",
        "supplement" => $"您的办件 {c.Number} 补正材料已提交。",
        "start-special" => $"您的办件 {c.Number} 进入特别程序，期间不计入办理时限。",
        "end-special" => $"您的办件 {c.Number} 特别程序已结束，继续审查。",
        "approve-extension" => $"您的办件 {c.Number} 办理时限经批准延长 {c.ExtensionDays} 个工作日。",
        "decide" => $"您的办件 {c.Number} 已作出决定：{(c.Decision == CaseDecision.Approved ? "准予" : "不予")}。",
        "complete" => $"您的办件 {c.Number} 已办结，欢迎对本次服务进行评价。",
        "withdraw" => $"您的办件 {c.Number ?? c.Item.Name} 已撤回。",
        _ => null,
    };
}

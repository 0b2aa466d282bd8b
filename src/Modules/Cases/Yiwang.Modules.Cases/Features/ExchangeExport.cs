using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;

namespace Yiwang.Modules.Cases.Features;

/// <summary>
/// Export in the national exchange structure (办件受理 / 过程 / 特别程序 / 结果, the up_pro_* tables and GB/T 39046
/// Tables 6–8), as JSON with the exchange field names, so another platform can ingest our cases. Incremental by
/// <c>since</c> (cases changed at or after it); each record carries a version for idempotent re-delivery.
/// </summary>
internal static class ExchangeExport
{
    public sealed record Accept(
        string project_no, string task_code, int task_version, string task_name, string apply_type, string applyer_type, string applyer_name,
        string applyer_page_type, string? applyer_page_code, string? contact_mobile, string? apply_date, string? accept_date, string? promise_date,
        string org_code, string org_name, string area_code);

    public sealed record Process(string project_no, string process_name, string event_name, string event_start_time, string event_end_time, string handle_user_name, string? handle_explain);

    public sealed record Special(string project_no, string special_name, string special_time, string? special_reason, string? end_time);

    public sealed record Outcome(string project_no, string result_type, string result_date, string? result_explain, string? handle_user_name, bool is_delivery_results);

    public sealed record Record(string row_guid, int version, string cd_operation, Accept accept, IReadOnlyList<Process> process, IReadOnlyList<Special> special, Outcome? result);

    public sealed record Batch(string cd_batch, DateTime generated_at_utc, IReadOnlyList<Record> records, DateTime? next_since);

    public static void MapExchangeExport(this RouteGroupBuilder group) =>
        group.MapGet("/exchange", Export).RequireAuthorization()
            .WithSummary("Cases in the caller's scope in the national exchange structure (受理/过程/结果), changed since an instant");

    private static async Task<Results<Ok<Batch>, ProblemHttpResult>> Export(DateTime? since, int? limit, ClaimsPrincipal user, CaseAccess access, CasesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (access.StaffOf(user) is not { } staff)
        {
            return CaseErrors.StaffOnly.ToProblem();
        }

        var take = Math.Clamp(limit ?? 500, 1, 5000);
        var from = (since ?? DateTime.MinValue).ToUniversalTime();
        var cases = await WorkQueue.InScope(db.Cases.AsNoTracking(), staff)
            .Where(c => c.Number != null && c.UpdatedAtUtc >= from)
            .OrderBy(c => c.UpdatedAtUtc).ThenBy(c => c.Id).Take(take).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var events = (await db.Events.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct)).ToLookup(e => e.CaseId);
        var records = cases.Select(c => ToRecord(c, [.. events[c.Id].OrderBy(e => e.AtUtc)])).ToList();
        return TypedResults.Ok(new Batch(Guid.CreateVersion7().ToString("N"), clock.GetUtcNow().UtcDateTime, records, cases.Count == take ? cases[^1].UpdatedAtUtc : null));
    }

    private static Record ToRecord(ServiceCase c, List<CaseEvent> events)
    {
        var accept = new Accept(
            c.Number!, c.ItemCode, c.Item.Version, c.Item.Name, c.Item.IsInstant ? "1" : "2", c.Applicant.CreditCode is null ? "1" : "2",
            c.Applicant.LegalPersonName ?? c.Applicant.Name, "111", c.Applicant.CreditCode ?? c.Applicant.IdNumber, c.Applicant.Phone,
            Time(c.SubmittedAtUtc), Time(c.AcceptedAtUtc), Time(c.DueAtUtc), c.DepartmentCode, c.Item.DepartmentName, c.RegionCode);
        var process = events.Where(e => e.Action is not "create").Select(e => new Process(
            c.Number!, e.StepName ?? e.Action, EventName(e.Action), Time(e.AtUtc)!, Time(e.AtUtc)!, e.ActorName, e.Opinion)).ToList();
        var special = events.Where(e => e.Action == "start-special").Select(start => new Special(
            c.Number!, start.Opinion ?? "特别程序", Time(start.AtUtc)!, start.Opinion,
            Time(events.FirstOrDefault(e => e.Action == "end-special" && e.AtUtc >= start.AtUtc)?.AtUtc))).ToList();
        Outcome? result = c.State switch
        {
            CaseState.Completed => new Outcome(c.Number!, c.Decision == CaseDecision.Refused ? "1" : "0", Time(c.CompletedAtUtc)!, c.DecisionReason, null, c.Delivery == DeliveryMethod.Post),
            CaseState.NotAccepted => new Outcome(c.Number!, "6", Time(c.CompletedAtUtc)!, c.NotAcceptedReason, null, false),
            CaseState.Withdrawn => new Outcome(c.Number!, "5", Time(c.CompletedAtUtc)!, "申请人撤回", null, false),
            _ => null,
        };
        return new Record(c.Id.ToString("N"), c.Revision, "U", accept, process, special, result);
    }

    // 业务动作: 通过 / 退回 / 其他.
    private static string EventName(string action) => action switch
    {
        "accept" or "pass-step" or "pre-review" => "通过",
        "reject" or "request-supplement" => "退回",
        _ => "其他",
    };

    // GB/T 7408 basic format in Beijing time, as GB/T 39046 asks: YYYYMMDDThhmmss.
    private static string? Time(DateTime? utc) => utc is { } t
        ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture)
        : null;
}

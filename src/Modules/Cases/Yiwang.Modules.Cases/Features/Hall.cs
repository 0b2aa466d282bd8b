using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Cases.Features;

/// <summary>
/// The service hall queue (大厅排队叫号): a walk-in takes a ticket at the kiosk (no sign-in), a window clerk of the hall's
/// region calls the next one and finishes it, and the visitor rates the service with the ticket's query code (一次一评).
/// </summary>
internal static class Hall
{
    public sealed record TakeRequest(string? ItemCode);

    public sealed record CallRequest(string? Window);

    public sealed record TicketView(Guid Id, string HallCode, string CallNumber, string? QueryCode, string State, DateTime TakenAtUtc, DateTime? CalledAtUtc, string? Window, int WaitingAhead);

    public sealed record HallRateRequest(string? QueryCode, Contracts.SatisfactionLevel? Level, string? Comment);

    public static void MapHall(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/hall").WithTags(CasesModule.Name);
        group.MapPost("/{region}/tickets", Take).AllowAnonymous().WithSummary("Take a queue ticket in the hall of a region (kiosk)");
        group.MapGet("/{region}/queue", Queue).RequireAuthorization().WithSummary("Waiting and called tickets of the hall (staff of the region)");
        group.MapPost("/{region}/call-next", CallNext).RequireAuthorization().WithSummary("Call the longest-waiting ticket to a window (window clerk)");
        group.MapPost("/tickets/{id:guid}/finish", Finish).RequireAuthorization().WithSummary("Finish serving a called ticket (window clerk)");
        group.MapPost("/tickets/{id:guid}/rating", Rate).AllowAnonymous().WithSummary("Rate a finished hall service with the ticket's query code");
    }

    private static async Task<Results<Created<TicketView>, ProblemHttpResult>> Take(
        string region, TakeRequest? request, CasesDbContext db, IReferenceApi reference, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        if (reference.FindRegion(region) is not { } hall || request?.ItemCode is { Length: > 64 })
        {
            return CaseErrors.InvalidRegion.ToProblem();
        }

        var now = clock.GetUtcNow();
        var day = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var sequence = await Sequences.NextAsync(db, "hall:" + hall.Code, day, ct);
        var ticket = HallTicket.Take(Ids.New(clock), hall.Code, day, sequence, CaseNumber.NewQueryCode(), request?.ItemCode, now);
        db.Tickets.Add(ticket);
        db.Audit.Add(AuditEntry.Record(actors.Current, "cases.ticket_taken", ticket.Id.ToString(), $"{hall.Code} {ticket.CallNumber}", clock));
        await db.SaveChangesAsync(ct);
        var ahead = await db.Tickets.CountAsync(t => t.HallCode == hall.Code && t.Day == day && t.State == TicketState.Waiting && t.Sequence < sequence, ct);
        return TypedResults.Created($"/api/v1/hall/tickets/{ticket.Id}", View(ticket, ahead, withCode: true));
    }

    private static async Task<Results<Ok<IReadOnlyList<TicketView>>, ProblemHttpResult>> Queue(string region, ClaimsPrincipal user, CaseAccess access, CasesDbContext db, CancellationToken ct)
    {
        if (access.StaffOf(user) is not { } staff)
        {
            return CaseErrors.StaffOnly.ToProblem();
        }

        if (!IsHallStaff(staff, region, clerkOnly: false))
        {
            // Staff of other regions see an empty hall, as every queue is filtered to the caller's scope.
            return TypedResults.Ok<IReadOnlyList<TicketView>>([]);
        }

        var rows = await db.Tickets.AsNoTracking().Where(t => t.HallCode == region && t.State != TicketState.Served)
            .OrderBy(t => t.TakenAtUtc).Take(500).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<TicketView>>([.. rows.Select((t, i) => View(t, i, withCode: false))]);
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> CallNext(
        string region, CallRequest? request, ClaimsPrincipal user, CaseAccess access, CasesDbContext db, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        if (!IsHallStaff(access.StaffOf(user), region, clerkOnly: true))
        {
            return CaseErrors.StaffOnly.ToProblem();
        }

        if (request?.Window is not { Length: > 0 and <= 20 } window)
        {
            return CaseErrors.InvalidWindow.ToProblem();
        }

        // Two clerks calling at once: the ticket's revision lets one of them have it; the other takes the next.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var next = await db.Tickets.Where(t => t.HallCode == region && t.State == TicketState.Waiting).OrderBy(t => t.TakenAtUtc).ThenBy(t => t.Sequence).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                return CaseErrors.QueueEmpty.ToProblem();
            }

            next.Call(window, actors.Current.Id, clock.GetUtcNow());
            db.Audit.Add(AuditEntry.Record(actors.Current, "cases.ticket_called", next.Id.ToString(), $"{next.CallNumber} → {window}", clock));
            try
            {
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(View(next, 0, withCode: false));
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }

        return CaseErrors.StaleRevision.ToProblem();
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Finish(Guid id, ClaimsPrincipal user, CaseAccess access, CasesDbContext db, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !IsHallStaff(access.StaffOf(user), ticket.HallCode, clerkOnly: true))
        {
            return CaseErrors.TicketNotFound.ToProblem();
        }

        var result = ticket.Finish(clock.GetUtcNow());
        if (result.IsFailure)
        {
            return result.Error!.ToProblem();
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, "cases.ticket_served", ticket.Id.ToString(), ticket.CallNumber, clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseErrors.StaleRevision.ToProblem();
        }

        return TypedResults.Ok(View(ticket, 0, withCode: false));
    }

    private static async Task<Results<Created<Contracts.RatingView>, ProblemHttpResult>> Rate(Guid id, HallRateRequest request, CasesDbContext db, RatingRecorder recorder, CancellationToken ct)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || request.QueryCode is null || !string.Equals(ticket.QueryCode, request.QueryCode, StringComparison.OrdinalIgnoreCase))
        {
            return CaseErrors.TicketNotFound.ToProblem();
        }

        var marked = ticket.MarkRated();
        if (marked.IsFailure)
        {
            return marked.Error!.ToProblem();
        }

        var result = await recorder.RecordAsync(ticket.Id, "hall", "HALL-" + ticket.HallCode, ticket.HallCode, new Ratings.RateRequest(request.Level, request.Comment, "政务大厅平板电脑"), 1, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/hall/tickets/{id}", result.Value!);
    }

    private static bool IsHallStaff(StaffView? staff, string region, bool clerkOnly) =>
        staff is not null && (staff.IsPlatformAdmin || (staff.RegionCode == region && (!clerkOnly || staff.HasRole(IdentityRoles.WindowClerk)))
            || (!clerkOnly && staff.DataScope != "Department" && staff.Covers(null, region)));

    private static TicketView View(HallTicket t, int ahead, bool withCode) =>
        new(t.Id, t.HallCode, t.CallNumber, withCode ? t.QueryCode : null, t.State.ToString(), t.TakenAtUtc, t.CalledAtUtc, t.Window, ahead);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Cases.Features;

/// <summary>
/// 好差评: the applicant rates a completed case (一事一评, at most a first rating and one follow-up); a bad rating opens
/// a rectification task for the department (callback, then closing explanation); supervisors read the indicators.
/// </summary>
internal static class Ratings
{
    public sealed record RateRequest(SatisfactionLevel? Level, string? Comment, string? Channel);

    public sealed record CallbackRequest(string? Note);

    public sealed record CloseRequest(string? Outcome, string? Explanation);

    public sealed record RectificationView(
        Guid Id, Guid RatingId, Guid SubjectId, string DepartmentCode, string State, DateTime OpenedAtUtc, DateTime DueAtUtc,
        string? CallbackNote, string? Outcome, string? Explanation, DateTime? ClosedAtUtc, bool Overdue);

    /// <summary>好评率, 差评整改率 and mean rectification time, for the caller's scope.</summary>
    public sealed record Indicators(int Ratings, int Good, int Bad, double? GoodRate, int Rectifications, int Closed, double? RectificationRate, double? MeanRectificationHours);

    public static void MapRatings(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/applications/{id:guid}/rating", RateCase).RequireAuthorization().WithTags(CasesModule.Name)
            .WithSummary("Rate a completed application (5 levels); a bad rating opens a rectification task");
        var group = app.MapGroup("/api/v1/ratings").WithTags(CasesModule.Name).RequireAuthorization();
        group.MapGet("/rectifications", List).WithSummary("Rectification tasks (差评整改) in the caller's scope");
        group.MapPost("/rectifications/{id:guid}/callback", Callback).WithSummary("Record the callback to the rater (回访)");
        group.MapPost("/rectifications/{id:guid}/close", Close).WithSummary("Close with an outcome and explanation (整改反馈)");
        group.MapGet("/indicators", GetIndicators).WithSummary("Good-rating rate, rectification rate and time in the caller's scope");
    }

    private static async Task<Results<Created<RatingView>, ProblemHttpResult>> RateCase(Guid id, RateRequest request, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct)
    {
        var result = await RateAsync(id, request, user, services, ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/applications/{id}", result.Value!);
    }

    /// <summary>The applicant rates their completed case: a first rating and at most one follow-up (追评).</summary>
    internal static async Task<Result<RatingView>> RateAsync(Guid id, RateRequest request, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CasesDbContext>();
        var access = services.GetRequiredService<CaseAccess>();
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        var viewer = c is null ? null : await access.ViewerAsync(user, c, services.GetRequiredService<IActorAccessor>().Current.Id, ct);
        if (c is null || viewer is not { CanSee: true })
        {
            return CaseErrors.NotFound;
        }

        if (!viewer.IsApplicant)
        {
            return CaseErrors.ApplicantOnly;
        }

        if (c.State != CaseState.Completed)
        {
            return CaseErrors.NotRatable;
        }

        if (c.RatingCount >= 2)
        {
            return CaseErrors.AlreadyRated;
        }

        c.CountRating();
        return await services.GetRequiredService<RatingRecorder>().RecordAsync(c.Id, "case", c.DepartmentCode, c.RegionCode, request, c.RatingCount, ct);
    }

    private static async Task<Results<Ok<IReadOnlyList<RectificationView>>, ProblemHttpResult>> List(string? state, ClaimsPrincipal user, CasesDbContext db, CaseAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (access.StaffOf(user) is not { } staff)
        {
            return CaseErrors.StaffOnly.ToProblem();
        }

        var query = WorkQueue.InScope(db.Rectifications.AsNoTracking(), staff);
        if (Enum.TryParse<RectificationState>(state, true, out var s))
        {
            query = query.Where(r => r.State == s);
        }

        var rows = await query.OrderBy(r => r.DueAtUtc).Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok<IReadOnlyList<RectificationView>>([.. rows.Select(r => View(r, now))]);
    }

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> Callback(Guid id, CallbackRequest request, ClaimsPrincipal user, RectificationWork work, CancellationToken ct) =>
        await work.ActAsync(user, id, "callback", r => r.RecordCallback(request.Note, work.Now), ct);

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> Close(Guid id, CloseRequest request, ClaimsPrincipal user, RectificationWork work, IActorAccessor actors, CancellationToken ct) =>
        await work.ActAsync(user, id, "close", r => r.Close(
            Enum.TryParse<RectificationOutcome>(request.Outcome, true, out var o) ? o : null, request.Explanation, actors.Current.Id, work.Now), ct);

    private static async Task<Results<Ok<Indicators>, ProblemHttpResult>> GetIndicators(ClaimsPrincipal user, CasesDbContext db, CaseAccess access, CancellationToken ct)
    {
        if (access.StaffOf(user) is not { } staff)
        {
            return CaseErrors.StaffOnly.ToProblem();
        }

        var ratings = WorkQueue.InScope(db.Ratings.AsNoTracking(), staff);
        var total = await ratings.CountAsync(ct);
        var bad = await ratings.CountAsync(r => r.Level == SatisfactionLevel.Dissatisfied || r.Level == SatisfactionLevel.VeryDissatisfied, ct);
        var tasks = await WorkQueue.InScope(db.Rectifications.AsNoTracking(), staff).Select(r => new { r.OpenedAtUtc, r.ClosedAtUtc }).ToListAsync(ct);
        var closed = tasks.Where(t => t.ClosedAtUtc is not null).ToList();
        return TypedResults.Ok(new Indicators(
            total, total - bad, bad, total == 0 ? null : Math.Round((double)(total - bad) / total, 4),
            tasks.Count, closed.Count, tasks.Count == 0 ? null : Math.Round((double)closed.Count / tasks.Count, 4),
            closed.Count == 0 ? null : Math.Round(closed.Average(t => (t.ClosedAtUtc!.Value - t.OpenedAtUtc).TotalHours), 2)));
    }

    internal static RectificationView View(Rectification r, DateTime now) => new(
        r.Id, r.RatingId, r.SubjectId, r.DepartmentCode, r.State.ToString(), r.OpenedAtUtc, r.DueAtUtc, r.CallbackNote, r.Outcome?.ToString(), r.Explanation, r.ClosedAtUtc,
        r.ClosedAtUtc is null ? now > r.DueAtUtc : r.ClosedAtUtc > r.DueAtUtc);


}

/// <summary>Stores a rating and, for 差评, the rectification task with its working-day deadline.</summary>
internal sealed class RatingRecorder(CasesDbContext db, IWorkingDayCalendar calendar, IOptions<CasesOptions> options, IActorAccessor actors, TimeProvider clock)
{
    public async Task<Result<RatingView>> RecordAsync(Guid subjectId, string kind, string department, string region, Ratings.RateRequest request, int sequence, CancellationToken ct)
    {
        var actor = actors.Current;
        var now = clock.GetUtcNow();
        var created = Rating.Create(Ids.New(clock), subjectId, kind, department, region, request.Level, request.Comment,
            request.Channel is { Length: > 0 and <= 20 } ch ? ch : "PC端", sequence, actor.Id, now);
        if (created.IsFailure)
        {
            return created.Error!;
        }

        var rating = created.Value!;
        db.Ratings.Add(rating);
        Rectification? task = null;
        if (rating.IsBad)
        {
            task = Rectification.Open(Ids.New(clock), rating, calendar.AddWorkingDays(now, Math.Max(1, options.Value.RectificationDays)), now);
            db.Rectifications.Add(task);
        }

        db.Audit.Add(AuditEntry.Record(actor, "cases.rated", subjectId.ToString(), $"{rating.Level}{(task is null ? "" : " rectification opened")}", clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return CaseErrors.AlreadyRated;
        }

        return new RatingView(rating.Id, rating.Level, rating.Comment, rating.RatedAtUtc, rating.IsBad, task?.Id);
    }
}

/// <summary>Acts on one rectification task inside the caller's scope.</summary>
internal sealed class RectificationWork(CasesDbContext db, CaseAccess access, IActorAccessor actors, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Results<Ok<Ratings.RectificationView>, ProblemHttpResult>> ActAsync(ClaimsPrincipal user, Guid id, string action, Func<Rectification, Result> apply, CancellationToken ct)
    {
        var staff = access.StaffOf(user);
        var task = await db.Rectifications.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (task is null || staff is null || !staff.Covers(task.DepartmentCode, task.RegionCode))
        {
            return CaseErrors.RectificationNotFound.ToProblem();
        }

        var result = apply(task);
        if (result.IsFailure)
        {
            return result.Error!.ToProblem();
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, $"cases.rectification_{action}", id.ToString(), task.State.ToString(), clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseErrors.StaleRevision.ToProblem();
        }

        return TypedResults.Ok(Ratings.View(task, clock.GetUtcNow().UtcDateTime));
    }
}

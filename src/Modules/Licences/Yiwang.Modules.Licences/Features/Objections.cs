using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Licences.Features;

/// <summary>证照数据异议: raise (holder or issuer staff), list (the caller's own, or the issuer's), answer (issuer: correct or refuse).</summary>
internal static class Objections
{
    public sealed record RaiseRequest(IReadOnlyList<string>? Fields, string? Text);

    /// <param name="Corrected">True: the data is corrected (send the licence's whole face in Fields); false: refused.</param>
    public sealed record AnswerRequest(bool? Corrected, string? Answer, IReadOnlyDictionary<string, string>? Fields, int? Revision);

    public sealed record ObjectionView(
        Guid Id, Guid LicenceId, string Identifier, IReadOnlyList<string> Fields, string Text, string RaisedBy, DateTime RaisedAtUtc, DateTime DueAtUtc,
        bool Overdue, DateTime? EscalatedAtUtc, string State, string? Answer, string? AnsweredBy, DateTime? AnsweredAtUtc, string? CorrectedIdentifier, int Revision);

    public static void MapObjections(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/objections", Raise).RequireAuthorization().WithSummary("Dispute data on a licence (证照数据异议); the issuer must answer within the configured working days");
        group.MapPost("/authorisations/{id:guid}/objections", RaiseAsGrantee).RequireAuthorization()
            .WithSummary("A department that holds an authorisation disputes data it was shown (fields within the authorisation) on the licence's current version");
        group.MapGet("/objections", List).RequireAuthorization()
            .WithSummary("Objections: the caller's own; for staff, those against their department's licences and those their department raised; supervisors also see those of issuers in their scope");
        group.MapPost("/objections/{id:guid}/answer", Answer).RequireAuthorization().WithSummary("The issuer answers: correct the licence (a new version) or refuse with an explanation");
    }

    private static async Task<Results<Created<ObjectionView>, ProblemHttpResult>> Raise(
        Guid id, RaiseRequest request, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, IWorkingDayCalendar calendar,
        IOptions<LicencesOptions> options, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        var licence = await LicenceRecords.VisibleAsync(id, user, access, db, ct);
        return licence is null
            ? LicenceErrors.NotFound.ToProblem()
            : await CreateAsync(licence, request, actors.Current.Name, null, db, calendar, options.Value, actors.Current, clock, ct);
    }

    private static async Task<Results<Created<ObjectionView>, ProblemHttpResult>> RaiseAsGrantee(
        Guid id, RaiseRequest request, ClaimsPrincipal user, LicenceAuthorisations authorisations, LicencesDbContext db, IWorkingDayCalendar calendar,
        IOptions<LicencesOptions> options, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        if (await authorisations.ToCallersDepartmentAsync(user, id, ct) is not { GranteeCode: { } department } authorisation)
        {
            return LicenceErrors.AuthorisationNotFound.ToProblem();
        }

        // A department disputes only what the holder let it see.
        if (request.Fields?.Any(f => !authorisation.Fields.Contains(f)) == true)
        {
            return LicenceErrors.InvalidObjection.ToProblem();
        }

        var current = await db.Licences.AsNoTracking().FirstAsync(l => l.IssuerCode == authorisation.IssuerCode && l.Serial == authorisation.Serial && l.IsCurrent, ct);
        return await CreateAsync(current, request, $"{authorisation.GranteeName}（{actors.Current.Name}）", department, db, calendar, options.Value, actors.Current, clock, ct);
    }

    private static async Task<Results<Created<ObjectionView>, ProblemHttpResult>> CreateAsync(
        Licence licence, RaiseRequest request, string raisedBy, string? department, LicencesDbContext db, IWorkingDayCalendar calendar, LicencesOptions options,
        Actor actor, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var raised = LicenceObjection.Raise(Ids.New(clock), licence, request.Fields, request.Text, raisedBy, now, calendar.AddWorkingDays(now, Math.Max(1, options.ObjectionDays)), department);
        if (raised.IsFailure)
        {
            return raised.Error!.ToProblem();
        }

        db.Objections.Add(raised.Value!);
        db.Audit.Add(AuditEntry.Record(actor, "licences.objection_raised", licence.Identifier, string.Join(",", raised.Value!.Fields), clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/licences/objections/{raised.Value.Id}", View(raised.Value, now));
    }

    private static async Task<Ok<List<ObjectionView>>> List(
        ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, IReferenceApi reference, TimeProvider clock, CancellationToken ct)
    {
        var query = db.Objections.AsNoTracking();
        if (access.StaffOf(user) is { } staff)
        {
            if (!staff.IsPlatformAdmin)
            {
                var issuers = await db.Issuers.AsNoTracking().Select(i => new { i.CreditCode, i.DepartmentCode }).ToListAsync(ct);
                // Only a supervisor needs the issuers' regions (to see those in scope); a department sees its own issuer.
                var regions = staff.HasRole(IdentityRoles.Supervisor) ? await reference.FindDepartmentsAsync([.. issuers.Select(i => i.DepartmentCode)], ct) : null;
                var watched = issuers.Where(i => i.DepartmentCode == staff.DepartmentCode
                        || (regions is not null && staff.Covers(i.DepartmentCode, regions.GetValueOrDefault(i.DepartmentCode)?.RegionCode)))
                    .Select(i => i.CreditCode).ToList();
                query = query.Where(o => watched.Contains(o.IssuerCode) || (o.RaisedByDepartment != null && o.RaisedByDepartment == staff.DepartmentCode));
            }
        }
        else
        {
            var codes = await access.HolderCodesAsync(user, ct);
            query = query.Where(o => codes.Contains(o.HolderCode));
        }

        var now = clock.GetUtcNow();
        var rows = await query.OrderBy(o => o.State).ThenBy(o => o.DueAtUtc).Take(200).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(o => View(o, now)).ToList());
    }

    private static async Task<Results<Ok<ObjectionView>, ProblemHttpResult>> Answer(
        Guid id, AnswerRequest request, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, LicenceIssuing issuing,
        IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (objection is null || await access.IssuerOfAsync(user, objection.IssuerCode, ct) is not { } issuer)
        {
            return LicenceErrors.ObjectionNotFound.ToProblem();
        }

        if (request.Revision is { } revision && revision != objection.Revision)
        {
            return LicenceErrors.StaleRevision.ToProblem();
        }

        if (objection.State != ObjectionState.Open)
        {
            return LicenceErrors.ObjectionClosed.ToProblem();
        }

        var actor = actors.Current;
        if (request.Corrected == true)
        {
            var licence = await db.Licences.FirstAsync(l => l.Id == objection.LicenceId, ct);
            var current = licence.IsCurrent ? licence : await db.Licences.FirstAsync(l => l.IssuerCode == licence.IssuerCode && l.Serial == licence.Serial && l.IsCurrent, ct);
            var type = await db.Types.FirstAsync(t => t.Code == current.TypeCode, ct);
            if (request.Fields is null || string.IsNullOrWhiteSpace(request.Answer))
            {
                return LicenceErrors.InvalidObjection.ToProblem();
            }

            // Closed first, naming the version the correction will make, so that the new version and the answer are one commit.
            var nextIdentifier = current.ParsedIdentifier.WithVersion(current.Version + 1).ToString();
            if (objection.Close(true, request.Answer, nextIdentifier, actor.Name, clock.GetUtcNow()) is { IsFailure: true } refused)
            {
                return refused.Error!.ToProblem();
            }

            db.Audit.Add(AuditEntry.Record(actor, "licences.objection_answered", objection.Identifier, objection.State.ToString(), clock));
            var next = await issuing.NewVersionAsync(current, issuer, type, request.Fields, "数据异议更正：" + request.Answer.Trim(), actor, ct);
            return next.IsFailure ? next.Error!.ToProblem() : TypedResults.Ok(View(objection, clock.GetUtcNow()));
        }
        else if (objection.Close(false, request.Answer, null, actor.Name, clock.GetUtcNow()) is { IsFailure: true } refused)
        {
            return refused.Error!.ToProblem();
        }

        db.Audit.Add(AuditEntry.Record(actor, "licences.objection_answered", objection.Identifier, objection.State.ToString(), clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(objection, clock.GetUtcNow()));
    }

    private static ObjectionView View(LicenceObjection o, DateTimeOffset now) => new(
        o.Id, o.LicenceId, o.Identifier, o.Fields, o.Text, o.RaisedBy, o.RaisedAtUtc, o.DueAtUtc, o.IsOverdue(now), o.EscalatedAtUtc, o.State.ToString(),
        o.Answer, o.AnsweredBy, o.AnsweredAtUtc, o.CorrectedIdentifier, o.Revision);
}

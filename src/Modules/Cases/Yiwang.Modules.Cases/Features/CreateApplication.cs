using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Cases.Features;

/// <summary>
/// Starts an application (办件) as a draft: online by a citizen for themself or a legal person they act for, or at a
/// window by a clerk for a walk-in applicant (一窗受理: any item of the clerk's hall, whichever department runs it).
/// An <c>Idempotency-Key</c> header makes a retried request return the case the first one created.
/// </summary>
internal static class CreateApplication
{
    public sealed record Request(string? ItemCode, string? CreditCode, Dictionary<string, string>? Form);

    public static void MapCreateApplication(this RouteGroupBuilder group) =>
        group.MapPost("/", Handle).RequireAuthorization().WithSummary("Start an application (draft); window clerks apply for walk-in applicants");

    private static async Task<Results<Created<CaseDetail>, Ok<CaseDetail>, ProblemHttpResult>> Handle(
        Request request, HttpRequest http, ClaimsPrincipal user, Creator creator, CancellationToken ct)
    {
        var key = http.Headers["Idempotency-Key"].ToString();
        var result = await creator.CreateAsync(user, request, key.Length == 0 ? null : key, ct);
        if (result.IsFailure)
        {
            return result.Error!.ToProblem();
        }

        var (detail, existed) = result.Value;
        return existed ? TypedResults.Ok(detail) : TypedResults.Created($"/api/v1/applications/{detail.Id}", detail);
    }

    /// <summary>The use case itself, shared by the API and the apply page.</summary>
    internal sealed class Creator(
        CasesDbContext db, CaseAccess access, ItemSnapshots items, ApplicationForms forms, IIdentityApi identity, LicenceStandIns licences, IActorAccessor actors, TimeProvider clock)
    {
        public async Task<Result<(CaseDetail Detail, bool Existed)>> CreateAsync(ClaimsPrincipal user, Request request, string? idempotencyKey, CancellationToken ct)
        {
            var actor = actors.Current;
            var account = access.AccountOf(user);
            var staff = access.StaffOf(user);
            var isClerk = staff is not null && staff.HasRole(IdentityRoles.WindowClerk);
            if (account is null && !isClerk || account is not null && staff is not null && !isClerk)
            {
                return CaseErrors.ApplicantOnly;
            }

            if (idempotencyKey is { Length: > 64 })
            {
                return Error.Validation("cases.invalid_idempotency_key", "An Idempotency-Key has at most 64 characters.");
            }

            if (idempotencyKey is not null && await ExistingAsync(actor.Id, idempotencyKey, request, user, ct) is { } earlier)
            {
                return earlier;
            }

            if (await items.GetAsync(request.ItemCode, ct) is not { } item)
            {
                return CaseErrors.ItemNotOpen;
            }

            var channel = isClerk ? CaseChannel.Window : CaseChannel.Online;
            if (channel == CaseChannel.Window && !(staff!.DataScope == "All" || staff.Covers(null, item.RegionCode) || staff.RegionCode == item.RegionCode))
            {
                // The hall's window takes in items of its own region only.
                return CaseErrors.ItemNotOpen;
            }

            if (channel == CaseChannel.Online && !item.AcceptsOnline)
            {
                return CaseErrors.ItemNotOpen;
            }

            string? legalName = null;
            if (request.CreditCode is { Length: > 0 } credit)
            {
                if (channel == CaseChannel.Online && !await identity.CanActForAsync(account!.Value, credit, item.Code, ct))
                {
                    return CaseErrors.NotActingFor;
                }

                legalName = channel == CaseChannel.Online
                    ? (await identity.ProfileAsync(account!.Value, ct))?.ActsFor.FirstOrDefault(l => l.CreditCode == credit)?.Name
                    : request.Form?.GetValueOrDefault(ApplicationForms.Enterprise);
            }

            var prefilled = await forms.PrefillAsync(item, channel == CaseChannel.Online ? account : null, request.CreditCode, ct);
            var (values, faults) = ApplicationForms.Validate(prefilled, request.Form);
            if (faults.Count > 0)
            {
                return CaseErrors.FieldsMissing with { Details = faults };
            }

            if (channel == CaseChannel.Online && values[ApplicationForms.IdNumber] != prefilled.First(f => f.Key == ApplicationForms.IdNumber).Value)
            {
                // Online, the applicant is the signed-in person: their verified identity, not a typed one.
                return CaseErrors.FieldsMissing with { Details = new[] { ApplicationForms.IdNumber } };
            }

            var applicant = new Applicant(
                channel == CaseChannel.Online ? account : null, values[ApplicationForms.Name], values[ApplicationForms.IdNumber],
                values[ApplicationForms.Phone], request.CreditCode is { Length: > 0 } ? request.CreditCode : null, legalName ?? values.GetValueOrDefault(ApplicationForms.Enterprise));
            var now = clock.GetUtcNow();
            var c = ServiceCase.Create(Ids.New(clock), item, applicant, channel, values, prefilled.Count, ApplicationForms.CountPrefilled(prefilled, values), actor.Id, idempotencyKey, now);
            db.Cases.Add(c);
            db.Events.Add(CaseEvent.Record(c, "create", channel == CaseChannel.Window ? "窗口收件" : "网上申报", CaseState.Draft, actor, null, clock));
            db.Audit.Add(AuditEntry.Record(actor, "cases.created", c.Id.ToString(), $"{item.Code} {channel}", clock));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (idempotencyKey is not null)
            {
                // A concurrent retry with the same key stored first: answer with its case.
                db.ChangeTracker.Clear();
                return await ExistingAsync(actor.Id, idempotencyKey, request, user, ct) ?? CaseErrors.IdempotencyMismatch;
            }

            if (channel == CaseChannel.Online)
            {
                await licences.AttachAsync(user, c, ct);
            }

            var viewer = await access.ViewerAsync(user, c, actor.Id, ct);
            return (await CaseViews.DetailAsync(db, c, viewer, now, ct), false);
        }

        private async Task<Result<(CaseDetail, bool)>?> ExistingAsync(string actorId, string key, Request request, ClaimsPrincipal user, CancellationToken ct)
        {
            var existing = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CreatedBy == actorId && c.IdempotencyKey == key, ct);
            if (existing is null)
            {
                return null;
            }

            if (existing.ItemCode != request.ItemCode)
            {
                return CaseErrors.IdempotencyMismatch;
            }

            var viewer = await access.ViewerAsync(user, existing, actorId, ct);
            return (await CaseViews.DetailAsync(db, existing, viewer, clock.GetUtcNow(), ct), true);
        }
    }
}

using Yiwang.Kernel.Privacy;
using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;
using Yiwang.Modules.Cases.Persistence;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Cases;

/// <summary>Turns stored cases into what callers see; personal data is masked outside the form itself.</summary>
internal static class CaseViews
{
    public static async Task<CaseDetail> DetailAsync(CasesDbContext db, ServiceCase c, CaseViewer viewer, DateTimeOffset now, CancellationToken ct)
    {
        var materials = await db.Materials.AsNoTracking().Where(m => m.CaseId == c.Id).OrderBy(m => m.UploadedAtUtc).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        // Only completed cases can carry ratings and rectification tasks.
        var ratings = c.RatingCount == 0 ? [] : await db.Ratings.AsNoTracking().Where(r => r.SubjectId == c.Id).OrderBy(r => r.Sequence).ToListAsync(ct);
        var ratingIds = ratings.Select(r => r.Id).ToList();
        var rectifications = ratings.Any(r => r.IsBad)
            ? await db.Rectifications.AsNoTracking().Where(r => ratingIds.Contains(r.RatingId)).ToDictionaryAsync(r => r.RatingId, r => r.Id, ct)
            : [];
        var present = materials.Where(m => m.Counts).Select(m => m.MaterialName).ToHashSet();
        var a = c.Applicant;
        return new CaseDetail(
            c.Id, c.Number, viewer.IsApplicant ? c.QueryCode : null, c.ItemCode, c.Item.Version, c.Item.Name, c.DepartmentCode, c.Item.DepartmentName, c.RegionCode, c.Channel,
            a.Name, a.IdNumber is null ? null : ResidentIdNumber.Mask(a.IdNumber), PersonalDataMasks.Phone(a.Phone), a.CreditCode, a.LegalPersonName,
            c.State, c.LightAt(now), c.CurrentStep, c.Item.Steps, c.Item.IsInstant ? "Instant" : "Promise", c.Item.PromisedLimitDays, c.Item.StatutoryLimitDays,
            c.CreatedAtUtc, c.SubmittedAtUtc, c.AcceptedAtUtc, c.DueAtUtc, c.StatutoryDueAtUtc, c.PausedWorkingDays, c.ExtensionRequestedDays, c.ExtensionDays,
            c.SupplementItems, c.SupplementNote, c.Decision, c.DecisionReason, c.DecisionBasis, c.Delivery, c.CompletedAtUtc, c.NotAcceptedReason,
            c.Form, c.PrefilledShare,
            [.. c.Item.Materials.Select(m => new MaterialRequirement(m.Name, m.Required, present.Contains(m.Name), m.ReplacedByLicenceType))],
            [.. materials.Select(m => m.ToView())],
            [.. events.Select(e => e.ToView())],
            [.. ratings.Select(r => new RatingView(r.Id, r.Level, r.Comment, r.RatedAtUtc, r.IsBad, rectifications.TryGetValue(r.Id, out var rid) ? rid : null))],
            c.Revision);
    }

    public static CaseSummary Summary(ServiceCase c, DateTimeOffset now) => new(
        c.Id, c.Number, c.ItemCode, c.Item.Name, c.Item.DepartmentName, c.Applicant.LegalPersonName ?? PersonalDataMasks.Name(c.Applicant.Name),
        c.State, c.LightAt(now), c.Step?.Name, c.CreatedAtUtc, c.DueAtUtc);
}

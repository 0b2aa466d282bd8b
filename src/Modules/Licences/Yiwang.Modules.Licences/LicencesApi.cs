using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Auditing;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Features;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences;

/// <summary>The licences contract for the web pages: the same use cases and checks as the API.</summary>
internal sealed class LicencesApi(
    LicencesDbContext db, LicenceAccess access, LicenceVerifier verifier, IOptions<LicencesOptions> options, IActorAccessor actors, TimeProvider clock) : ILicencesApi
{
    public async Task<IReadOnlyList<LicenceSummary>> MineAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await LicenceRecords.MineAsync(user, access, db, clock, ct);

    public async Task<LicenceDetail?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var licence = await LicenceRecords.VisibleAsync(id, user, access, db, ct);
        return licence is null ? null : LicenceViews.Detail(licence, await LicenceRecords.HistoryAsync(db, licence, ct), LicenceViews.Today(clock));
    }

    public async Task<LicencePresentation?> PresentAsync(ClaimsPrincipal user, Guid id, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var presented = await Presentations.PresentAsync(id, fields, user, access, db, options.Value.BaseUrl, actors.Current, clock, ct);
        return presented.IsFailure ? null : presented.Value;
    }

    public Task<VerificationView> VerifyAsync(string? presentation, CancellationToken ct) => verifier.VerifyAsync(presentation, ct);
}

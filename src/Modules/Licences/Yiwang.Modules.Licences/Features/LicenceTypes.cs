using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences.Features;

/// <summary>The licence catalogue (证照目录): public to read, kept by the platform administrator.</summary>
internal static class LicenceTypes
{
    public sealed record CreateRequest(
        string? Code, string? Name, string? DefiningAuthority, string? IssuerLevel, HolderKind? HolderKind, IReadOnlyList<LicenceField>? Fields,
        int? ValidityYears, IReadOnlyList<string>? ProducedBy, IReadOnlyList<string>? Replaces);

    public static void MapLicenceTypes(this RouteGroupBuilder group)
    {
        group.MapGet("/types", List).AllowAnonymous().WithSummary("The licence catalogue (证照目录)");
        group.MapPost("/types", Create).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Add a licence type");
    }

    private static async Task<Ok<List<LicenceTypeView>>> List(LicencesDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Types.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)).Select(t => t.ToView()).ToList());

    private static async Task<Results<Created<LicenceTypeView>, ProblemHttpResult>> Create(
        CreateRequest request, LicencesDbContext db, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        var created = LicenceType.Create(request.Code, request.Name, request.DefiningAuthority, request.IssuerLevel, request.HolderKind ?? HolderKind.NaturalPerson,
            request.Fields, request.ValidityYears, request.ProducedBy, request.Replaces, clock.GetUtcNow());
        if (created.IsFailure)
        {
            return created.Error!.ToProblem();
        }

        if (await db.Types.AnyAsync(t => t.Code == request.Code, ct))
        {
            return LicenceErrors.TypeExists.ToProblem();
        }

        db.Types.Add(created.Value!);
        db.Audit.Add(AuditEntry.Record(actors.Current, "licences.type_added", created.Value!.Code, null, clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return LicenceErrors.TypeExists.ToProblem();
        }

        return TypedResults.Created($"/api/v1/licences/types/{created.Value.Code}", created.Value.ToView());
    }
}

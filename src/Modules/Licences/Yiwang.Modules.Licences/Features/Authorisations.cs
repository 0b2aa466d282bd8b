using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;

namespace Yiwang.Modules.Licences.Features;

/// <summary>用证授权 over HTTP: the holder grants, lists and revokes; the grantee department or the third party uses.</summary>
internal static class Authorisations
{
    public sealed record RevokeRequest(int? Revision);

    public sealed record UseRequest(string? Purpose, Guid? CaseId);

    public sealed record SharedUseRequest(string? Code);

    public static void MapAuthorisations(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/authorisations", Grant).RequireAuthorization()
            .WithSummary("The holder authorises a department or a third party to use the licence for a purpose and a period (用证授权), signed by the platform");
        group.MapGet("/{id:guid}/authorisations", OfLicence).RequireAuthorization().WithSummary("The holder's authorisations on the licence (every version), with third parties' share links");
        group.MapPost("/authorisations/{id:guid}/revoke", Revoke).RequireAuthorization().WithSummary("The holder revokes an authorisation; no use is possible afterwards");
        group.MapGet("/authorisations/received", Received).RequireAuthorization().WithSummary("Authorisations granted to the caller's department (staff and department systems)");
        group.MapPost("/authorisations/{id:guid}/use", Use).RequireAuthorization()
            .WithSummary("The grantee department uses an authorisation: the licence's current version, verified, with the authorised fields; the use is recorded");
        group.MapPost("/authorisations/shared", UseShared).AllowAnonymous()
            .WithSummary("A third party uses an authorisation by its share code: the licence verified, with the authorised fields; the use is recorded");
    }

    private static async Task<Results<Created<AuthorisationView>, ProblemHttpResult>> Grant(
        Guid id, AuthorisationRequest request, ClaimsPrincipal user, LicenceAuthorisations authorisations, CancellationToken ct)
    {
        var granted = await authorisations.GrantAsync(user, id, request, null, ct);
        return granted.IsFailure ? granted.Error!.ToProblem() : TypedResults.Created($"/api/v1/licences/{id}/authorisations", granted.Value!);
    }

    private static async Task<Ok<IReadOnlyList<AuthorisationView>>> OfLicence(Guid id, ClaimsPrincipal user, LicenceAuthorisations authorisations, CancellationToken ct) =>
        TypedResults.Ok(await authorisations.OfLicenceAsync(user, id, ct));

    private static async Task<Results<Ok<AuthorisationView>, ProblemHttpResult>> Revoke(
        Guid id, RevokeRequest? request, ClaimsPrincipal user, LicenceAuthorisations authorisations, CancellationToken ct)
    {
        var revoked = await authorisations.RevokeAsync(user, id, request?.Revision, ct);
        return revoked.IsFailure ? revoked.Error!.ToProblem() : TypedResults.Ok(revoked.Value!);
    }

    private static async Task<Ok<IReadOnlyList<AuthorisationView>>> Received(ClaimsPrincipal user, LicenceAuthorisations authorisations, CancellationToken ct) =>
        TypedResults.Ok(await authorisations.ReceivedAsync(user, ct));

    private static async Task<Results<Ok<AuthorisedUse>, ProblemHttpResult>> Use(
        Guid id, UseRequest? request, ClaimsPrincipal user, LicenceAuthorisations authorisations, CancellationToken ct)
    {
        var used = await authorisations.UseAsync(user, id, request?.Purpose, request?.CaseId, ct);
        return used.IsFailure ? used.Error!.ToProblem() : TypedResults.Ok(used.Value!);
    }

    private static async Task<Results<Ok<AuthorisedUse>, ProblemHttpResult>> UseShared(SharedUseRequest request, LicenceAuthorisations authorisations, CancellationToken ct)
    {
        var used = await authorisations.UseSharedAsync(request.Code, ct);
        return used.IsFailure ? used.Error!.ToProblem() : TypedResults.Ok(used.Value!);
    }
}

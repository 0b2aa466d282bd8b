using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yiwang.Modules.Licences.Contracts;

namespace Yiwang.Modules.Licences.Features;

/// <summary>
/// The form posts behind the licence pages: the same use cases as the JSON API, answering with a redirect that carries
/// a stable error code or what was done, so a reload never repeats a grant.
/// </summary>
internal static class LicenceForms
{
    // Form endpoints read the form themselves, so they ask for the antiforgery check explicitly.
    private static readonly Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute Antiforgery = new();

    public static void MapLicenceForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/my/licences/{id:guid}/authorise", Authorise).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/my/licences/{id:guid}/authorisations/{authorisationId:guid}/revoke", Revoke).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
    }

    private static async Task<IResult> Authorise(Guid id, HttpRequest http, ClaimsPrincipal user, LicenceAuthorisations authorisations, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var request = new AuthorisationRequest(
            Enum.TryParse<GranteeKind>(form["granteeKind"], out var kind) ? kind : null,
            Text(form["granteeCode"]),
            Text(form["granteeName"]),
            Text(form["purpose"]),
            [.. form["fields"].Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!)],
            DateOnly.TryParseExact(form["validUntil"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : null);
        var result = await authorisations.GrantAsync(user, id, request, null, ct);
        return Results.LocalRedirect($"/my/licences/{id}?{(result.IsFailure ? "error=" + result.Error!.Code : "done=authorised")}#authorisations");
    }

    private static async Task<IResult> Revoke(Guid id, Guid authorisationId, ClaimsPrincipal user, LicenceAuthorisations authorisations, CancellationToken ct)
    {
        var result = await authorisations.RevokeAsync(user, authorisationId, null, ct);
        return Results.LocalRedirect($"/my/licences/{id}?{(result.IsFailure ? "error=" + result.Error!.Code : "done=authorisationRevoked")}#authorisations");
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}

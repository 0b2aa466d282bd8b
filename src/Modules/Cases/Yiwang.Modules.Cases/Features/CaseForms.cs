using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yiwang.Modules.Cases.Contracts;

namespace Yiwang.Modules.Cases.Features;

/// <summary>
/// The form posts behind the applicant pages and the staff workbench: the same use cases as the JSON API, answering
/// with a redirect that carries a stable error code for the page to show.
/// </summary>
internal static class CaseForms
{
    // Form endpoints read the form themselves, so they ask for the antiforgery check explicitly.
    private static readonly Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute Antiforgery = new();

    public static void MapCaseForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cases/apply/{itemCode}", Apply).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/cases/{id:guid}/upload", Upload).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/cases/{id:guid}/act/{action}", Act).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/cases/{id:guid}/materials/{materialId:guid}/review", Review).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/cases/{id:guid}/rate", Rate).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
    }

    private static async Task<IResult> Apply(string itemCode, HttpRequest http, ClaimsPrincipal user, CreateApplication.Creator creator, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var values = form.Keys.Where(k => k.StartsWith("f.", StringComparison.Ordinal)).ToDictionary(k => k[2..], k => form[k].ToString());
        var credit = form["creditCode"].ToString();
        var result = await creator.CreateAsync(user, new CreateApplication.Request(itemCode, credit.Length == 0 ? null : credit, values), form["idempotencyKey"].ToString() is { Length: > 0 } key ? key : null, ct);
        return Results.LocalRedirect(result.IsFailure
            ? $"/apply/{Uri.EscapeDataString(itemCode)}?error={result.Error!.Code}"
            : $"/my/cases/{result.Value.Detail.Id}?done=created");
    }

    private static async Task<IResult> Upload(Guid id, HttpRequest http, ClaimsPrincipal user, MaterialIntake intake, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var result = await intake.UploadAsync(user, id, form["materialName"].ToString(), form.Files.GetFile("file"), ct);
        return Results.LocalRedirect($"/my/cases/{id}?{(result.IsFailure ? "error=" + result.Error!.Code : "done=uploaded")}");
    }

    private static async Task<IResult> Act(Guid id, string action, HttpRequest http, ClaimsPrincipal user, CaseActions actions, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var request = new ActionRequest(
            int.TryParse(form["revision"], CultureInfo.InvariantCulture, out var revision) ? revision : null,
            Text(form["opinion"]),
            form["items"].Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!).ToList(),
            Enum.TryParse<CaseDecision>(form["decision"], out var decision) ? decision : null,
            Text(form["legalBasis"]),
            Enum.TryParse<DeliveryMethod>(form["delivery"], out var delivery) ? delivery : null,
            Text(form["kind"]),
            int.TryParse(form["days"], CultureInfo.InvariantCulture, out var days) ? days : null);
        var result = await actions.RunAsync(user, id, action, request, ct);
        var page = form["back"] == "workbench" ? $"/workbench/cases/{id}" : $"/my/cases/{id}";
        return Results.LocalRedirect($"{page}?{(result.IsFailure ? "error=" + result.Error!.Code : "done=" + action)}");
    }

    private static async Task<IResult> Review(Guid id, Guid materialId, HttpRequest http, ClaimsPrincipal user, MaterialIntake intake, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var result = await intake.ReviewAsync(user, id, materialId, form["accepted"] == "true", Text(form["reason"]), ct);
        return Results.LocalRedirect($"/workbench/cases/{id}?{(result.IsFailure ? "error=" + result.Error!.Code : "done=reviewed")}");
    }

    private static async Task<IResult> Rate(Guid id, HttpRequest http, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var level = Enum.TryParse<SatisfactionLevel>(form["level"], out var l) ? l : (SatisfactionLevel?)null;
        var response = await RateOnce(services, user, id, new Ratings.RateRequest(level, Text(form["comment"]), "PC端"), ct);
        return Results.LocalRedirect($"/my/cases/{id}?{(response is null ? "done=rated" : "error=" + response)}");
    }

    private static async Task<string?> RateOnce(IServiceProvider services, ClaimsPrincipal user, Guid id, Ratings.RateRequest request, CancellationToken ct)
    {
        var result = await Ratings.RateAsync(id, request, user, services, ct);
        return result.IsFailure ? result.Error!.Code : null;
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } s ? s : null;
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Yiwang.Modules.Hotline.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>The form posts behind the hotline pages: the same use cases as the API, answering with a redirect.</summary>
internal static class TicketForms
{
    // Form endpoints read the form themselves, so they ask for the antiforgery check explicitly.
    private static readonly Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute Antiforgery = new();

    public static void MapTicketForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hotline/file", File).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/hotline/tickets/{id:guid}/{step}", Step).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/hotline/settings/time-limit", SetTimeLimit).RequireAuthorization(Kernel.Http.Policies.PlatformAdmin).ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/hotline/settings/category", SetCategory).RequireAuthorization(Kernel.Http.Policies.PlatformAdmin).ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/hotline/tickets/{id:guid}/attach", Attach).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
    }

    private static async Task<IResult> File(HttpRequest http, ClaimsPrincipal user, TicketFiling filing, TicketAttacher attacher, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var request = new TicketRequest(
            Enum.TryParse<TicketKind>(form["kind"], out var kind) ? kind : null, Text(form["title"]), Text(form["text"]), Text(form["address"]),
            Text(form["regionCode"]), form["urgent"] == "true", form["anonymous"] == "true", Text(form["callerName"]), Text(form["callerPhone"]), TicketChannel.Web,
            Coordinate(form["latitude"]), Coordinate(form["longitude"]), Urgency(form["urgency"]), Text(form["categoryCode"]));
        var filed = await filing.FileAsync(user, request, ct);
        if (filed.IsFailure)
        {
            return Results.LocalRedirect($"/hotline/new?error={filed.Error!.Code}");
        }

        // The ticket stands even when its photo is refused: the caller sees why on the ticket and can attach another.
        var id = filed.Value!.Id;
        if (form.Files.GetFile("file") is { Length: > 0 } file && await attacher.AttachAsync(user, id, file, ct) is { IsFailure: true } refused)
        {
            return Results.LocalRedirect($"/hotline/tickets/{id}?error={refused.Error!.Code}");
        }

        return Results.LocalRedirect($"/hotline/tickets/{id}?done=filed");
    }

    private static async Task<IResult> SetTimeLimit(HttpRequest http, TimeLimitEditor editor, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var request = new TimeLimitRules.TimeLimitRequest(
            Enum.TryParse<TicketKind>(form["kind"], out var kind) && !int.TryParse(form["kind"], out _) ? kind : null, Urgency(form["urgency"]),
            Number(form["signHours"]), Number(form["handle"]), Text(form["unit"]), null);
        var set = await editor.SetAsync(request, ct);
        return Results.LocalRedirect($"/hotline/settings?{(set.IsFailure ? "error=" + set.Error!.Code : "done=time-limit")}");
    }

    private static async Task<IResult> SetCategory(HttpRequest http, Categories.CategoryEditor editor, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var request = new Categories.CategoryEndpoints.CategoryRequest(Text(form["name"]), Text(form["parentCode"]), form["active"] != "false", Number(form["revision"]));
        var set = await editor.SetAsync(Text(form["code"]) ?? "", request, ct);
        return Results.LocalRedirect($"/hotline/settings?{(set.IsFailure ? "error=" + set.Error!.Code : "done=category")}");
    }

    private static int? Number(StringValues value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static async Task<IResult> Attach(Guid id, HttpRequest http, ClaimsPrincipal user, TicketAttacher attacher, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var attached = await attacher.AttachAsync(user, id, form.Files.GetFile("file"), ct);
        return Results.LocalRedirect($"/hotline/tickets/{id}?{(attached.IsFailure ? "error=" + attached.Error!.Code : "done=attached")}");
    }

    private static async Task<IResult> Step(Guid id, string step, HttpRequest http, ClaimsPrincipal user, TicketStepper stepper, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var request = new TicketStepRequest(
            Text(form["category"]), Text(form["departmentCode"]), Text(form["reason"]), Text(form["reply"]),
            int.TryParse(form["level"], NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : null, Text(form["comment"]),
            int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null,
            Guid.TryParse(form["targetId"], out var target) ? target : null,
            int.TryParse(form["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : null,
            Text(form["categoryCode"]), Urgency(form["urgency"]), Guid.TryParse(form["handlerId"], out var handler) ? handler : null);
        var done = await stepper.TakeAsync(user, id, step, request, ct);
        return Results.LocalRedirect($"/hotline/tickets/{id}?{(done.IsFailure ? "error=" + done.Error!.Code : "done=" + step)}");
    }

    private static TicketUrgency? Urgency(StringValues value) =>
        Enum.TryParse<TicketUrgency>(value, out var urgency) && Enum.IsDefined(urgency) && !int.TryParse(value, out _) ? urgency : null;

    private static double? Coordinate(StringValues value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) ? degrees : null;

    private static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing;

/// <summary>The form posts behind the data-sharing pages: the same use cases as the API, answering with a redirect.</summary>
internal static class SharingForms
{
    // Form endpoints read the form themselves, so they ask for the antiforgery check explicitly.
    private static readonly Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute Antiforgery = new();

    public static void MapSharingForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sharing/publish/submit", Publish).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/sharing/resources/{code}/upload", Upload).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/sharing/resources/{code}/request", Request).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/sharing/requests/{id:guid}/decide", Decide).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
        app.MapPost("/sharing/requests/{id:guid}/revoke", Revoke).RequireAuthorization().ExcludeFromDescription().WithMetadata(Antiforgery);
    }

    private static async Task<IResult> Publish(HttpRequest http, ClaimsPrincipal user, ISharingApi sharing, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var items = ParseItems(form["items"]);
        var input = new ResourceInput(Text(form["code"]), Text(form["name"]), Text(form["summary"]), Text(form["category"]), items, Text(form["updateCycle"]),
            Enum.TryParse<ShareType>(form["shareType"], out var share) ? share : null, Text(form["shareCondition"]), Text(form["refusalBasis"]),
            Enum.TryParse<OpenType>(form["openType"], out var open) ? open : null, SourceKind.Store, null);
        var published = await sharing.PublishAsync(user, input, ct);
        return Results.LocalRedirect(published.IsFailure ? $"/sharing/publish?error={published.Error!.Code}" : $"/sharing/resources/{published.Value!.Code}?done=published");
    }

    private static async Task<IResult> Upload(string code, HttpRequest http, ClaimsPrincipal user, ISharingApi sharing, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var target = Uri.EscapeDataString(code);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return Results.LocalRedirect($"/sharing/resources/{target}?error=sharing.invalid_upload");
        }

        await using var stream = file.OpenReadStream();
        var loaded = await sharing.UploadAsync(user, code, file.FileName, stream, ct);
        return Results.LocalRedirect($"/sharing/resources/{target}?{(loaded.IsFailure ? "error=" + loaded.Error!.Code : "done=loaded")}");
    }

    private static async Task<IResult> Request(string code, HttpRequest http, ClaimsPrincipal user, ISharingApi sharing, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var input = new AccessRequestInput(Text(form["clientId"]), [.. form["items"].Where(i => !string.IsNullOrEmpty(i)).Select(i => i!)], Text(form["purpose"]),
            Text(form["legalBasis"]), Text(form["validUntil"]), int.TryParse(form["dailyQuota"], NumberStyles.None, CultureInfo.InvariantCulture, out var quota) ? quota : null);
        var made = await sharing.RequestAsync(user, code, input, ct);
        return Results.LocalRedirect(made.IsFailure ? $"/sharing/resources/{Uri.EscapeDataString(code)}?error={made.Error!.Code}" : "/sharing/requests?done=requested");
    }

    private static async Task<IResult> Decide(Guid id, HttpRequest http, ClaimsPrincipal user, ISharingApi sharing, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var input = new DecisionInput(form["approve"] == "true" ? true : form["approve"] == "false" ? false : null, Text(form["reason"]),
            [.. form["clear"].Where(i => !string.IsNullOrEmpty(i)).Select(i => i!)],
            int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null);
        var decided = await sharing.DecideAsync(user, id, input, ct);
        return Results.LocalRedirect($"/sharing/requests?{(decided.IsFailure ? "error=" + decided.Error!.Code : "done=decided")}");
    }

    private static async Task<IResult> Revoke(Guid id, ClaimsPrincipal user, ISharingApi sharing, CancellationToken ct)
    {
        var revoked = await sharing.RevokeAsync(user, id, ct);
        return Results.LocalRedirect($"/sharing/requests?{(revoked.IsFailure ? "error=" + revoked.Error!.Code : "done=revoked")}");
    }

    /// <summary>
    /// One item per line: <c>name,标签,Type,length,level,flags</c> with flags among <c>personal sensitive key required</c>
    /// (separated by '|' or spaces), e.g. <c>idNumber,身份证号,IdNumber,18,3,personal|sensitive|key|required</c>.
    /// A line that does not parse yields an invalid item, so the whole entry is refused rather than silently shortened.
    /// </summary>
    internal static List<DataItem> ParseItems(StringValues text)
    {
        var items = new List<DataItem>();
        foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
            var flags = parts.Length > 5 ? parts[5].Split(['|', ' '], StringSplitOptions.RemoveEmptyEntries) : [];
            items.Add(parts.Length < 5 || !Enum.TryParse<ItemType>(parts[2], true, out var type)
                || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                ? new DataItem("", "", ItemType.Text, 0, 0, false, false, false, false)
                : new DataItem(parts[0], parts[1], type, length, level, flags.Contains("personal"), flags.Contains("sensitive"), flags.Contains("key"), flags.Contains("required")));
        }

        return items;
    }

    private static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}

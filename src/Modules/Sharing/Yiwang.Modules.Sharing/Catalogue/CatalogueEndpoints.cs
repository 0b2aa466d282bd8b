using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Quality;

namespace Yiwang.Modules.Sharing.Catalogue;

/// <summary>The catalogue in the API: browse and search, publish, load data, and the quality report.</summary>
internal static class CatalogueEndpoints
{
    public static void MapCatalogueEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/resources", Search).RequireAuthorization().WithSummary("Search the data resource catalogue (资源目录) by words; ?q=");
        group.MapGet("/resources/{code}", Get).RequireAuthorization().WithSummary("One catalogue entry with its items, sharing attributes and service URL");
        group.MapPost("/resources", Publish).RequireAuthorization().WithSummary("Publish or revise a resource of the caller's department (data admins)");
        group.MapPost("/resources/{code}/upload", Upload).RequireAuthorization().DisableAntiforgery()
            .WithSummary("Replace the resource's records with a CSV (UTF-8) or .xlsx file, form field 'file'; all or nothing (data admins of the provider)");
        group.MapPut("/resources/{code}/records/{key}", Upsert).RequireAuthorization().WithSummary("Write one record by its primary key (data admins of the provider)");
        group.MapGet("/resources/{code}/quality", QualityReport).RequireAuthorization().WithSummary("Completeness, validity and freshness of the resource's data");
    }

    public sealed record RecordInput(Dictionary<string, string?>? Values);

    private static async Task<Ok<IReadOnlyList<ResourceView>>> Search(string? q, ResourceCatalogue catalogue, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.SearchAsync(q, ct));

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> Get(string code, ResourceCatalogue catalogue, CancellationToken ct) =>
        await catalogue.GetAsync(code, ct) is { } view ? TypedResults.Ok(view) : SharingErrors.ResourceNotFound.ToProblem();

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> Publish(ResourceInput input, ClaimsPrincipal user, ResourceCatalogue catalogue, CancellationToken ct)
    {
        var published = await catalogue.PublishAsync(user, input, ct);
        return published.IsFailure ? published.Error!.ToProblem() : TypedResults.Ok(published.Value!);
    }

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> Upload(string code, HttpRequest http, ClaimsPrincipal user, RecordLoading loading, SharingAccess access, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is null)
        {
            return SharingErrors.NotDataAdmin.ToProblem();
        }

        if (!http.HasFormContentType || http.ContentLength > RecordLoading.MaxBytes)
        {
            return SharingErrors.InvalidUpload.ToProblem();
        }

        var form = await http.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 and <= RecordLoading.MaxBytes } file)
        {
            return SharingErrors.InvalidUpload.ToProblem();
        }

        await using var stream = file.OpenReadStream();
        var loaded = await loading.UploadAsync(user, code, file.FileName, stream, ct);
        return loaded.IsFailure ? loaded.Error!.ToProblem() : TypedResults.Ok(loaded.Value!);
    }

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> Upsert(string code, string key, RecordInput input, ClaimsPrincipal user, RecordLoading loading, CancellationToken ct)
    {
        var written = await loading.UpsertAsync(user, code, key, input.Values, ct);
        return written.IsFailure ? written.Error!.ToProblem() : TypedResults.Ok(written.Value!);
    }

    private static async Task<Results<Ok<QualityReport>, ProblemHttpResult>> QualityReport(string code, QualityCheck quality, CancellationToken ct) =>
        await quality.ReportAsync(code, ct) is { } report ? TypedResults.Ok(report) : SharingErrors.ResourceNotFound.ToProblem();
}

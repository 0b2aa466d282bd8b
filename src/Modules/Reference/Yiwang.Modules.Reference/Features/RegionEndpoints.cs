using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Reference.Domain;

namespace Yiwang.Modules.Reference.Features;

/// <summary>Read-only region tree queries: provinces, one region, and a region's children.</summary>
internal static class RegionEndpoints
{
    public static void MapRegionQueries(this RouteGroupBuilder group)
    {
        group.MapGet("/regions", ListProvinces).WithSummary("List the provinces (the roots of the region tree)");
        group.MapGet("/regions/{code}", GetRegion).WithSummary("Get a region with its parent chain");
        group.MapGet("/regions/{code}/children", GetChildren).WithSummary("List the direct children of a region");
    }

    public sealed record RegionResponse(string Code, string Name, RegionLevel Level, string? ParentCode, string FullName, bool HasChildren);

    private static Ok<IReadOnlyList<RegionResponse>> ListProvinces(RegionDirectory regions) =>
        TypedResults.Ok<IReadOnlyList<RegionResponse>>([.. regions.Provinces.Select(r => r.ToResponse(regions))]);

    private static Results<Ok<RegionResponse>, ProblemHttpResult> GetRegion(string code, RegionDirectory regions) =>
        Resolve(code, regions) is { Value: { } region } ? TypedResults.Ok(region.ToResponse(regions)) : Resolve(code, regions).Error!.ToProblem();

    private static Results<Ok<IReadOnlyList<RegionResponse>>, ProblemHttpResult> GetChildren(string code, RegionDirectory regions)
    {
        var region = Resolve(code, regions);
        if (region.IsFailure)
        {
            return region.Error!.ToProblem();
        }

        return TypedResults.Ok<IReadOnlyList<RegionResponse>>([.. regions.ChildrenOf(region.Value!.Code).Select(r => r.ToResponse(regions))]);
    }

    private static Result<RegionInfo> Resolve(string code, RegionDirectory regions)
    {
        if (RegionCode.Normalize(code) is null)
        {
            return DepartmentErrors.InvalidRegionCode;
        }

        return regions.Find(code) is { } region ? region : Error.NotFound("reference.region_not_found", "No such region.");
    }

    private static RegionResponse ToResponse(this RegionInfo r, RegionDirectory regions) =>
        new(r.Code, r.Name, r.Level, r.ParentCode, r.FullName, regions.ChildrenOf(r.Code).Count > 0);
}

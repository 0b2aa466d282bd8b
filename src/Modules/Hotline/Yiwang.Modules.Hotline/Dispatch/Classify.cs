using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Routing;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Dispatch;

/// <summary>The dispatch suggestion for a message's subject and text, for hotline agents and other staff.</summary>
internal static class Classify
{
    /// <param name="RegionCode">Where the matter is (six digits); the routing table then names the department.</param>
    public sealed record ClassifyRequest(string? Title, string? Text, string? RegionCode);

    public static readonly Error InvalidText = Error.Validation("hotline.invalid_text", "Send a subject or a text (together at most 10,000 characters).");
    public static readonly Error NoModel = Error.Unavailable("hotline.no_model", "No dispatch model is trained yet: run yiwang hotline train.");
    public static readonly Error StaffOnly = Error.Forbidden("hotline.staff_only", "Only staff use the dispatch model directly.");

    public static void MapClassify(this RouteGroupBuilder group) =>
        group.MapPost("/classify", Handle).RequireAuthorization()
            .WithSummary("Suggest the first-level category (一级分类) of a message with the confidence and the ranking (智能派单)");

    private static async Task<Results<Ok<CategorySuggestion>, ProblemHttpResult>> Handle(
        ClassifyRequest request, ClaimsPrincipal user, IAccountOverviews accounts, DeployedModel model, RoutingTable routes, IReferenceApi reference, CancellationToken ct)
    {
        if (accounts.StaffOf(user) is null)
        {
            return StaffOnly.ToProblem();
        }

        var title = request.Title?.Trim() ?? "";
        var text = request.Text?.Trim() ?? "";
        if (title.Length + text.Length is 0 or > 10_000)
        {
            return InvalidText.ToProblem();
        }

        if (model.Suggest(title, text) is not { } suggestion)
        {
            return NoModel.ToProblem();
        }

        if (await routes.DepartmentForAsync(suggestion.Category, request.RegionCode?.Trim(), ct) is { } code)
        {
            suggestion = suggestion with { DepartmentCode = code, DepartmentName = (await reference.FindDepartmentAsync(code, ct))?.Name };
        }

        return TypedResults.Ok(suggestion);
    }
}

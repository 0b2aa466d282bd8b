using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Paging;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;

namespace Yiwang.Modules.Cases.Features;

/// <summary>Reading cases: one case, my applications, the staff work queue, an item's form, my messages, public progress.</summary>
internal static class ApplicationQueries
{
    public static void MapApplicationQueries(this RouteGroupBuilder group)
    {
        group.MapGet("/", Mine).RequireAuthorization().WithSummary("My applications, and those of legal persons I act for");
        group.MapGet("/queue", Queue).RequireAuthorization().WithSummary("Staff work queue within the caller's data scope, by state and traffic light");
        group.MapGet("/form/{itemCode}", Form).RequireAuthorization().WithSummary("The item's application form, pre-filled for the caller (表单一键填)");
        group.MapGet("/notifications", Notifications).RequireAuthorization().WithSummary("My in-site messages");
        group.MapGet("/track", Track).AllowAnonymous().WithSummary("Public progress check by case number and query code, without signing in");
        group.MapGet("/{id:guid}", Get).RequireAuthorization().WithSummary("One application: applicant, their representative or agent, or staff in scope");
    }

    private static async Task<Results<Ok<PagedList<CaseSummary>>, ProblemHttpResult>> Mine(int? page, int? pageSize, ClaimsPrincipal user, ICasesApi api, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize);
        return paging.IsFailure ? paging.Error!.ToProblem() : TypedResults.Ok(await api.MineAsync(user, paging.Value, ct));
    }

    private static async Task<Results<Ok<PagedList<CaseSummary>>, ProblemHttpResult>> Queue(
        string? state, string? light, string? item, int? page, int? pageSize, ClaimsPrincipal user, ICasesApi api, CaseAccess access, CancellationToken ct)
    {
        if (access.StaffOf(user) is null)
        {
            return CaseErrors.StaffOnly.ToProblem();
        }

        var paging = PageRequest.From(page, pageSize);
        if (paging.IsFailure)
        {
            return paging.Error!.ToProblem();
        }

        CaseState? s = null;
        TimeLight? l = null;
        if (state is { Length: > 0 } && !Enum.TryParse<CaseState>(state, true, out var parsedState))
        {
            return Error.Validation("cases.invalid_state", "Unknown state.").ToProblem();
        }
        else if (state is { Length: > 0 })
        {
            s = Enum.Parse<CaseState>(state, true);
        }

        if (light is { Length: > 0 } && !Enum.TryParse<TimeLight>(light, true, out _))
        {
            return Error.Validation("cases.invalid_light", "The light is Green, Yellow, Red or None.").ToProblem();
        }
        else if (light is { Length: > 0 })
        {
            l = Enum.Parse<TimeLight>(light, true);
        }

        return TypedResults.Ok(await api.QueueAsync(user, new QueueFilter(s, l, item, paging.Value), ct));
    }

    private static async Task<Results<Ok<FormView>, ProblemHttpResult>> Form(string itemCode, ClaimsPrincipal user, ICasesApi api, CancellationToken ct) =>
        await api.FormAsync(user, itemCode, ct) is { } form ? TypedResults.Ok(form) : CaseErrors.ItemNotOpen.ToProblem();

    private static async Task<Ok<IReadOnlyList<NotificationView>>> Notifications(ClaimsPrincipal user, ICasesApi api, CancellationToken ct) =>
        TypedResults.Ok(await api.NotificationsAsync(user, ct));

    private static async Task<Results<Ok<CaseProgress>, ProblemHttpResult>> Track(string? number, string? code, ICasesApi api, CancellationToken ct) =>
        await api.TrackAsync(number, code, ct) is { } progress ? TypedResults.Ok(progress) : CaseErrors.NotFound.ToProblem();

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, ICasesApi api, CancellationToken ct) =>
        await api.GetAsync(user, id, ct) is { } detail ? TypedResults.Ok(detail) : CaseErrors.NotFound.ToProblem();
}

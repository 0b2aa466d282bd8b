using System.Security.Claims;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>The hotline contract for the web pages: the same use cases and checks as the API.</summary>
internal sealed class HotlineApi(
    TicketReader reader, TicketFiling filing, TicketStepper stepper, IndicatorReport indicators, HotSpots.HotSpotReport hotSpots, Answers.AnswerSuggestions answers,
    Categories.CategoryTree categories, Persistence.HotlineDbContext db, IAccountOverviews accounts) : IHotlineApi
{
    public async Task<IReadOnlyList<CategoryNode>> CategoriesAsync(ClaimsPrincipal user, CancellationToken ct) =>
        [.. (await categories.AllAsync(accounts.StaffOf(user) is { IsPlatformAdmin: true }, ct)).Select(Categories.CategoryEndpoints.View)];

    public Task<IReadOnlyList<TimeLimitView>> TimeLimitsAsync(CancellationToken ct) => TimeLimitRules.ReadAsync(db, ct);

    public async Task<IReadOnlyList<HandlerOption>> HandlersAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        (await reader.HandlersAsync(user, id, ct)).Value ?? [];

    public Task<Result<IReadOnlyList<SuggestedAnswer>>> AnswersAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) => answers.ForTicketAsync(user, id, ct);

    public Task<Result<IReadOnlyList<HotSpotView>>> HotSpotsAsync(ClaimsPrincipal user, int? days, CancellationToken ct) => hotSpots.FindAsync(user, days, ct);

    public Task<Result<IReadOnlyList<IndicatorRow>>> IndicatorsAsync(ClaimsPrincipal user, string? from, string? to, string? by, CancellationToken ct) =>
        indicators.ComputeAsync(user, from, to, by, ct);

    public Task<IReadOnlyList<TicketView>> ListAsync(ClaimsPrincipal user, TicketState? state, CancellationToken ct) => reader.ListAsync(user, state, ct);

    public Task<TicketView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) => reader.GetAsync(user, id, ct);

    public Task<Result<TicketView>> FileAsync(ClaimsPrincipal user, TicketRequest request, CancellationToken ct) => filing.FileAsync(user, request, ct);

    public Task<Result<TicketView>> StepAsync(ClaimsPrincipal user, Guid id, string step, TicketStepRequest request, CancellationToken ct) =>
        stepper.TakeAsync(user, id, step, request, ct);
}

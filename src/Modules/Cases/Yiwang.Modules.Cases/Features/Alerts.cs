using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Cases.Contracts;
using Yiwang.Modules.Cases.Domain;

namespace Yiwang.Modules.Cases.Features;

/// <summary>Electronic-supervision alerts (电子监察): warnings, overdue escalations, hall waits, late rectifications.</summary>
internal static class Alerts
{
    public static void MapAlerts(this RouteGroupBuilder group) =>
        group.MapGet("/alerts", List).RequireAuthorization().WithSummary("Time-limit alerts in the caller's scope, newest first");

    private static async Task<Results<Ok<IReadOnlyList<AlertView>>, ProblemHttpResult>> List(string? kind, ClaimsPrincipal user, CaseAccess access, ICasesApi api, CancellationToken ct) =>
        access.StaffOf(user) is null ? CaseErrors.StaffOnly.ToProblem() : TypedResults.Ok(await api.AlertsAsync(user, kind, ct));
}

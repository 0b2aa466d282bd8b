using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Dispatch;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Hotline.Routing;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// 受理: a citizen files a ticket on the web or through the API, or an agent takes a call. The dispatch model suggests
/// the category; when it is sure enough, the routing table names a department for the region and the ticket does not
/// look like a repeat of an open one, it is dispatched at once (智能派单); otherwise it waits for an agent with the
/// suggestion (and the suspected original) attached.
/// </summary>
internal static class FileTicket
{
    public static void MapFileTicket(this RouteGroupBuilder group) =>
        group.MapPost("/tickets", Handle).RequireAuthorization()
            .WithSummary("File a ticket (工单): citizens on the web or the API, agents for a phone call; dispatched at once when the model is sure and a route exists");

    private static async Task<Results<Created<TicketView>, ProblemHttpResult>> Handle(
        TicketRequest request, ClaimsPrincipal user, TicketFiling filing, CancellationToken ct)
    {
        var filed = await filing.FileAsync(user, request, ct);
        return filed.IsFailure ? filed.Error!.ToProblem() : TypedResults.Created($"/api/v1/hotline/tickets/{filed.Value!.Id}", filed.Value);
    }
}

/// <summary>The filing use case, shared by the API and the web form.</summary>
internal sealed class TicketFiling(
    HotlineDbContext db, TicketAccess access, IIdentityApi identity, IReferenceApi reference, DeployedModel model, RoutingTable routes, TicketLimits limits,
    Categories.CategoryTree categories, DuplicateFinder duplicates, IActorAccessor actors, TimeProvider clock)
{
    private static readonly Actor SmartDispatch = new("hotline", "智能派单");

    public async Task<Result<TicketView>> FileAsync(ClaimsPrincipal user, TicketRequest request, CancellationToken ct)
    {
        var region = request.RegionCode?.Trim() ?? "";
        if (reference.FindRegion(region) is null)
        {
            return TicketErrors.UnknownRegion;
        }

        Guid? caller = null;
        string? name = request.CallerName, phone = request.CallerPhone;
        TicketChannel channel;
        if (access.StaffOf(user) is { } staff)
        {
            if (!staff.HasRole(IdentityRoles.HotlineAgent))
            {
                return TicketErrors.NotAgent;
            }

            channel = TicketChannel.Phone;
        }
        else if (access.AccountOf(user) is { } account && await identity.ProfileAsync(account, ct) is { } me)
        {
            (caller, name, phone) = (account, me.Name, me.Phone);
            channel = request.Channel is TicketChannel.Web ? TicketChannel.Web : TicketChannel.Api;
        }
        else
        {
            return TicketErrors.NotAgent;
        }

        return await RegisterAsync(request with { RegionCode = region }, channel, caller, name, phone, request.Latitude, request.Longitude, ct);
    }

    /// <summary>
    /// 受理 from an Open311 client (GeoReport v2): no account, the reporter's name and phone as given, the category
    /// from the client's service (and its optional sub-category attribute), optional coordinates. Dispatched like any
    /// other ticket.
    /// </summary>
    public async Task<Result<TicketView>> FileOpen311Async(TicketRequest request, double? latitude, double? longitude, CancellationToken ct)
    {
        var region = request.RegionCode?.Trim() ?? "";
        if (reference.FindRegion(region) is null)
        {
            return TicketErrors.UnknownRegion;
        }

        return await RegisterAsync(request with { RegionCode = region }, TicketChannel.Open311, null, request.CallerName, request.CallerPhone, latitude, longitude, ct);
    }

    private async Task<Result<TicketView>> RegisterAsync(
        TicketRequest request, TicketChannel channel, Guid? caller, string? name, string? phone, double? latitude, double? longitude, CancellationToken ct)
    {
        var region = request.RegionCode!;
        var now = clock.GetUtcNow();
        var day = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var urgency = request.Urgency ?? (request.Urgent == true ? TicketUrgency.Urgent : TicketUrgency.Ordinary);
        var registered = Ticket.Register(Ids.New(clock), "", channel, request.Kind ?? TicketKind.Consultation, caller, name, phone, request.Anonymous == true,
            request.Title, request.Text, request.Address, region, urgency, now);
        if (registered.IsFailure || !registered.Value!.Locate(latitude, longitude) || !Enum.IsDefined(urgency))
        {
            return registered.Error ?? TicketErrors.InvalidTicket;
        }

        // A category chosen by the caller, the agent or the Open311 client stands in for the model's suggestion.
        var chosen = request.CategoryCode is { Length: > 0 } code ? await categories.ResolveAsync(code, ct) : null;
        if (request.CategoryCode is { Length: > 0 } && chosen is null)
        {
            return TicketErrors.UnknownCategory;
        }

        var sequence = await DailySequences.NextAsync(db, "hotline_sequence", region, day, ct);
        var ticket = registered.Value!.Numbered($"12345-{region}-{day}-{sequence:D4}");
        db.Tickets.Add(ticket);
        var actor = actors.Current;
        var repeat = await duplicates.FindAsync(ticket, ct);
        if (repeat is not null)
        {
            ticket.SuspectDuplicateOf(repeat.Id);
        }

        db.Events.Add(TicketEvent.Record(Ids.New(clock), ticket.Id, "registered", actor.Name, repeat is null ? channel.ToString() : $"{channel}；疑似重复：{repeat.Number}", now));
        db.Audit.Add(AuditEntry.Record(actor, "hotline.ticket_registered", ticket.Number, channel.ToString(), clock));

        if (chosen is { } picked)
        {
            ticket.Classify(picked.Node.Code, picked.Top.Name);
        }

        var suggested = chosen is { } c ? new CategorySuggestion(c.Top.Name, 1.0, true, []) : model.Suggest(ticket.Title, ticket.Text);
        if (suggested is { } suggestion)
        {
            if (chosen is null)
            {
                ticket.Suggest(suggestion.Category, suggestion.Confidence);
            }

            // A suspected repeat waits for an agent: merging it is better than two departments working on one problem.
            if (suggestion.Automatic && repeat is null && await routes.DepartmentForAsync(suggestion.Category, region, ct) is { } department)
            {
                var (signDue, handleDue) = await limits.FromAsync(now, ticket.Kind, ticket.Urgency, ct);
                ticket.Dispatch(suggestion.Category, department, now, signDue, handleDue);
                db.Events.Add(TicketEvent.Record(Ids.New(clock), ticket.Id, "dispatched", SmartDispatch.Name, $"{suggestion.Category} → {department}（置信度 {suggestion.Confidence:F2}）", now, department));
                db.Audit.Add(AuditEntry.Record(SmartDispatch, "hotline.ticket_dispatched", ticket.Number, department, clock));
            }
        }

        await db.SaveChangesAsync(ct);
        return TicketViews.View(ticket, whole: true, now);
    }
}

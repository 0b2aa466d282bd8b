using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Hotline.Categories;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;
using Yiwang.Modules.Hotline.Tickets;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Hotline.Open311;

/// <summary>
/// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), so that existing clients can file and follow tickets:
/// <c>services</c>, <c>requests</c> (GET and POST) and <c>requests/{id}</c>, each as <c>.json</c> or <c>.xml</c>. The
/// jurisdiction is the six-digit region code. Filing needs no account (like a phone call to 12345; the public rate
/// limit applies); what is published back is only what the caller sent in about the problem and how it is handled:
/// never the caller's name or phone, and only tickets that came in through Open311.
/// </summary>
internal static class Open311Endpoints
{
    private const int MaxList = 1000;

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open311/v2").WithTags("Open311").AllowAnonymous();
        group.MapGet("/services.{format}", Services).WithSummary("GeoReport v2 service list: the first-level categories");
        group.MapGet("/services/{code}.{format}", Definition).WithSummary("GeoReport v2 service definition: the optional sub_category attribute (the second level)");
        group.MapGet("/requests.{format}", List).WithSummary("GeoReport v2 service requests filed through Open311 (?service_request_id=, service_code, start_date, end_date, status)");
        group.MapGet("/requests/{id}.{format}", Get).WithSummary("One GeoReport v2 service request");
        group.MapPost("/requests.{format}", File).DisableAntiforgery()
            .WithSummary("File a GeoReport v2 service request (form fields jurisdiction_id, service_code, description, lat/long or address_string, first_name, last_name, phone)");
    }

    private static async Task<IResult> Services(string format, CategoryTree tree, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error(format, 400, "Format must be json or xml.");
        }

        var services = await Open311Services.ListAsync(tree, ct);
        return Open311Format.List(format, "services", "service", services.Select(s => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["service_code"] = s.Service.Code, ["service_name"] = s.Service.Name, ["description"] = string.Join("、", s.Children.Take(8).Select(c => c.Name)),
            ["metadata"] = s.Children.Count > 0, ["type"] = "realtime", ["keywords"] = string.Join(",", s.Children.Take(8).Select(c => c.Name)),
            ["group"] = Open311Services.GroupOf(s.Service.Code),
        }));
    }

    private static async Task<IResult> Definition(string code, string format, CategoryTree tree, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error(format, 400, "Format must be json or xml.");
        }

        if (await tree.ResolveAsync(code, ct) is not { Node.Level: 1 } service)
        {
            return Open311Format.Error(format, 404, "No such service.");
        }

        var values = (await tree.ChildrenAsync(service.Node.Code, ct)).Select(c => (c.Code, c.Name)).ToList();
        return Open311Format.Definition(format, service.Node.Code, Open311Services.SubCategory, "细分类别（可选）", values);
    }

    private static async Task<IResult> File(string format, HttpRequest http, TicketFiling filing, CategoryTree tree, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error(format, 400, "Format must be json or xml.");
        }

        if (!http.HasFormContentType)
        {
            return Open311Format.Error(format, 400, "Send the request as application/x-www-form-urlencoded or multipart/form-data.");
        }

        var form = await http.ReadFormAsync(ct);
        string? Field(string name) => string.IsNullOrWhiteSpace(form[name]) ? null : form[name].ToString().Trim();
        if (await tree.ResolveAsync(Field("service_code"), ct) is not { Node.Level: 1 } found)
        {
            return Open311Format.Error(format, 400, "service_code is missing or not one of /open311/v2/services.");
        }

        var service = found.Node;
        var categoryCode = service.Code;
        if (Field($"attribute[{Open311Services.SubCategory}]") is { } sub)
        {
            if (await tree.ResolveAsync(sub, ct) is not { } child || child.Node.ParentCode != service.Code)
            {
                return Open311Format.Error(format, 400, "attribute[sub_category] is not one of the values in the service definition.");
            }

            categoryCode = child.Node.Code;
        }

        var description = Field("description");
        var address = Field("address_string");
        double? latitude = double.TryParse(Field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ? lat : null;
        double? longitude = double.TryParse(Field("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ? lon : null;
        if (description is null || (address is null && (latitude is null || longitude is null)) || (Field("lat") is not null && latitude is null) || (Field("long") is not null && longitude is null))
        {
            return Open311Format.Error(format, 400, "description is required, and a location: lat and long, or address_string.");
        }

        var name = string.Join("", new[] { Field("last_name"), Field("first_name") }.Where(n => n is not null));
        var title = $"{service.Name}：{description}";
        var request = new TicketRequest(TicketKind.Help, title.Length > 60 ? title[..60] : title, description, address ?? $"{latitude:F6},{longitude:F6}",
            Field("jurisdiction_id"), false, name.Length == 0, name.Length == 0 ? null : name, Field("phone"), TicketChannel.Open311,
            CategoryCode: categoryCode);
        var filed = await filing.FileOpen311Async(request, latitude, longitude, ct);
        if (filed.IsFailure)
        {
            return Open311Format.Error(format, 400, filed.Error!.Code switch
            {
                "hotline.unknown_region" => "jurisdiction_id must be a six-digit region code this platform serves.",
                _ => "The request is not valid: description at most 5,000 characters, address at most 200, a real phone number and coordinates.",
            });
        }

        return Open311Format.List(format, "service_requests", "request", [new Dictionary<string, object?>
        {
            ["service_request_id"] = filed.Value!.Number, ["service_notice"] = "已受理，办理结果将通过本接口公开。", ["account_id"] = null,
        }], 201);
    }

    private static async Task<IResult> Get(string id, string format, HotlineDbContext db, IReferenceApi reference, CategoryTree tree, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error(format, 400, "Format must be json or xml.");
        }

        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Number == id && t.Channel == TicketChannel.Open311, ct);
        return ticket is null
            ? Open311Format.Error(format, 404, "No such service request.")
            : Open311Format.List(format, "service_requests", "request", await ViewsAsync([ticket], db, reference, tree, ct));
    }

    private static async Task<IResult> List(
        string format, string? service_request_id, string? service_code, string? start_date, string? end_date, string? status, HotlineDbContext db,
        IReferenceApi reference, CategoryTree tree, TimeProvider clock, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error(format, 400, "Format must be json or xml.");
        }

        var query = db.Tickets.AsNoTracking().Where(t => t.Channel == TicketChannel.Open311);
        if (service_request_id is { Length: > 0 })
        {
            var ids = service_request_id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxList).ToList();
            query = query.Where(t => ids.Contains(t.Number));
        }
        else
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (!TryTime(start_date, now.AddDays(-90), out var from) || !TryTime(end_date, now.AddMinutes(1), out var to) || from > to)
            {
                return Open311Format.Error(format, 400, "start_date and end_date must be W3C date-times, start before end.");
            }

            query = query.Where(t => t.CreatedAtUtc >= from && t.CreatedAtUtc <= to);
            if (service_code is not null)
            {
                if (await tree.ResolveAsync(service_code, ct) is not { Node.Level: 1 } service)
                {
                    return Open311Format.Error(format, 400, "service_code is not one of /open311/v2/services.");
                }

                var name = service.Node.Name;
                query = query.Where(t => t.Category == name);
            }

            if (status is not null)
            {
                var wanted = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (wanted.Any(s => s is not ("open" or "closed")))
                {
                    return Open311Format.Error(format, 400, "status is open, closed or both.");
                }

                var open = wanted.Contains("open");
                var closed = wanted.Contains("closed");
                query = query.Where(t => (open && t.State != TicketState.Closed) || (closed && t.State == TicketState.Closed));
            }
        }

        var tickets = await query.OrderByDescending(t => t.CreatedAtUtc).Take(MaxList).ToListAsync(ct);
        return Open311Format.List(format, "service_requests", "request", await ViewsAsync(tickets, db, reference, tree, ct));
    }

    private static bool TryTime(string? text, DateTime fallback, out DateTime utc)
    {
        if (text is null)
        {
            utc = fallback;
            return true;
        }

        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        utc = parsed.UtcDateTime;
        return ok;
    }

    private static async Task<List<IReadOnlyDictionary<string, object?>>> ViewsAsync(
        List<Ticket> tickets, HotlineDbContext db, IReferenceApi reference, CategoryTree tree, CancellationToken ct)
    {
        var codes = (await tree.TopLevelAsync(ct)).ToDictionary(c => c.Name, c => c.Code);
        var ids = tickets.Select(t => t.Id).ToList();
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.TicketId)).ToListAsync(ct);
        var last = events.GroupBy(e => e.TicketId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Last());
        var departments = await reference.FindDepartmentsAsync([.. tickets.Where(t => t.DepartmentCode is not null).Select(t => t.DepartmentCode!).Distinct()], ct);
        return [.. tickets.Select(t => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["service_request_id"] = t.Number,
            ["status"] = t.State == TicketState.Closed ? "closed" : "open",
            // What the department answered, or else the last handling step: the closest thing 12345 has to status notes.
            ["status_notes"] = t.Reply ?? Notes(last.GetValueOrDefault(t.Id)),
            ["service_name"] = t.Category ?? "",
            ["service_code"] = Open311Services.CodeOf(t, codes),
            ["description"] = t.Text,
            ["agency_responsible"] = t.DepartmentCode is null ? "12345" : departments.GetValueOrDefault(t.DepartmentCode)?.Name ?? t.DepartmentCode,
            ["service_notice"] = null,
            ["requested_datetime"] = Open311Format.Time(t.CreatedAtUtc),
            ["updated_datetime"] = Open311Format.Time(last.GetValueOrDefault(t.Id)?.AtUtc ?? t.CreatedAtUtc),
            ["expected_datetime"] = Open311Format.Time(t.HandleDueUtc),
            ["address"] = t.Address,
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = t.Latitude,
            ["long"] = t.Longitude,
            ["media_url"] = null,
        })];
    }

    private static string? Notes(TicketEvent? step) => step is null ? null : step.Note is { Length: > 0 } note ? $"{step.Action}：{note}" : step.Action;
}

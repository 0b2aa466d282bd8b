using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Shouldly;
using Xunit;
using Yiwang.Modules.Hotline.Tests.Tickets;

namespace Yiwang.Modules.Hotline.Tests.Open311;

/// <summary>Open311 GeoReport v2: an existing client files a request and follows it while the department handles it.</summary>
public sealed class Open311Tests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> FileAsync(Dictionary<string, string> fields, string format = "json") =>
        app.Client().PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(fields), _ct);

    private static Dictionary<string, string> Streetlight() => new()
    {
        ["jurisdiction_id"] = "510107", ["service_code"] = "cxjs", ["description"] = "小区门口的路灯坏了一个月，晚上很黑。",
        ["lat"] = "30.6415", ["long"] = "104.0431", ["address_string"] = "武侯区桐梓林北路1号", ["first_name"] = "明", ["last_name"] = "王", ["phone"] = "13900000009",
    };

    [Fact]
    public async Task The_service_list_names_the_categories_in_json_and_xml()
    {
        var json = await app.Client().GetFromJsonAsync<JsonElement>("/open311/v2/services.json", _ct);
        json.EnumerateArray().Select(s => s.GetProperty("service_name").GetString()).ShouldContain("城乡建设");
        json[0].GetProperty("metadata").GetBoolean().ShouldBeTrue();

        var xml = XDocument.Parse(await app.Client().GetStringAsync("/open311/v2/services.xml", _ct));
        xml.Root!.Name.LocalName.ShouldBe("services");
        xml.Root.Elements("service").Select(s => s.Element("service_code")!.Value).ShouldContain("cxjs");
    }

    [Fact]
    public async Task A_filed_request_is_dispatched_by_its_service_and_followed_to_its_reply_without_the_callers_contact_data()
    {
        var filed = await FileAsync(Streetlight());
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(_ct));
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct))[0].GetProperty("service_request_id").GetString()!;

        var open = (await app.Client().GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{id}.json", _ct))[0];
        open.GetProperty("status").GetString().ShouldBe("open");
        open.GetProperty("service_code").GetString().ShouldBe("cxjs");
        open.GetProperty("agency_responsible").GetString()!.ShouldContain("民政");
        open.GetProperty("expected_datetime").GetString()!.ShouldEndWith("+08:00");
        open.GetProperty("lat").GetDouble().ShouldBe(30.6415);
        (await app.Client().GetStringAsync($"/open311/v2/requests/{id}.json", _ct)).ShouldNotContain("13900000009");

        var clerk = await app.AsAsync("WH-CLERK");
        var tickets = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets", _ct);
        var ticket = tickets.EnumerateArray().Single(t => t.GetProperty("number").GetString() == id);
        var ticketId = ticket.GetProperty("id").GetGuid();
        await TicketsApp.StepAsync(clerk, ticketId, "accept", new { }, _ct);
        await TicketsApp.StepAsync(clerk, ticketId, "reply", new { reply = "已更换灯泡，路灯恢复照明。" }, _ct);

        var xml = XDocument.Parse(await app.Client().GetStringAsync($"/open311/v2/requests.xml?service_request_id={id}", _ct));
        var request = xml.Root!.Element("request")!;
        request.Element("status_notes")!.Value.ShouldBe("已更换灯泡，路灯恢复照明。");
        request.Element("service_request_id")!.Value.ShouldBe(id);
    }

    [Fact]
    public async Task Malformed_requests_get_open311_errors()
    {
        async Task ShouldFail(HttpResponseMessage response, HttpStatusCode status)
        {
            response.StatusCode.ShouldBe(status);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>(_ct))[0];
            error.GetProperty("code").GetInt32().ShouldBe((int)status);
            error.GetProperty("description").GetString().ShouldNotBeNullOrEmpty();
        }

        await ShouldFail(await FileAsync(new Dictionary<string, string>(Streetlight()) { ["service_code"] = "nope" }), HttpStatusCode.BadRequest);
        await ShouldFail(await FileAsync(new Dictionary<string, string>(Streetlight()) { ["jurisdiction_id"] = "999999" }), HttpStatusCode.BadRequest);
        var noPlace = Streetlight();
        noPlace.Remove("lat");
        noPlace.Remove("address_string");
        await ShouldFail(await FileAsync(noPlace), HttpStatusCode.BadRequest);
        await ShouldFail(await FileAsync(new Dictionary<string, string>(Streetlight()) { ["lat"] = "north" }), HttpStatusCode.BadRequest);
        await ShouldFail(await FileAsync(new Dictionary<string, string>(Streetlight()) { ["lat"] = "123", ["long"] = "10" }), HttpStatusCode.BadRequest);
        await ShouldFail(await app.Client().PostAsJsonAsync("/open311/v2/requests.json", new { service_code = "cxjs" }, _ct), HttpStatusCode.BadRequest);
        await ShouldFail(await app.Client().GetAsync("/open311/v2/requests/12345-000000-20260101-0001.json", _ct), HttpStatusCode.NotFound);
        await ShouldFail(await app.Client().GetAsync("/open311/v2/requests.json?start_date=yesterday", _ct), HttpStatusCode.BadRequest);
        (await app.Client().GetAsync("/open311/v2/services.csv", _ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var xml = await FileAsync(new Dictionary<string, string>(Streetlight()) { ["service_code"] = "nope" }, "xml");
        XDocument.Parse(await xml.Content.ReadAsStringAsync(_ct)).Root!.Element("error")!.Element("code")!.Value.ShouldBe("400");
    }
}

/// <summary>Coordinates through the JSON API as well.</summary>
public sealed class TicketCoordinateTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ticket_filed_through_the_api_keeps_its_coordinates_and_refuses_impossible_ones()
    {
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        var filed = await citizen.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Help", title = "井盖缺失", text = "路口井盖缺失", regionCode = "510107", latitude = 30.64, longitude = 104.04 }, _ct);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await filed.Content.ReadFromJsonAsync<JsonElement>(_ct);
        ticket.GetProperty("latitude").GetDouble().ShouldBe(30.64);
        ticket.GetProperty("longitude").GetDouble().ShouldBe(104.04);

        var wrong = await citizen.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Help", title = "井盖缺失", text = "路口井盖缺失", regionCode = "510107", latitude = 95.0, longitude = 104.04 }, _ct);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("code").GetString().ShouldBe("hotline.invalid_ticket");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>The category tree (诉求分类): the shipped default, choosing a node when filing, and the administrator's changes.</summary>
public sealed class CategoryTreeTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_default_tree_has_three_levels_and_a_chosen_node_dispatches_with_its_path()
    {
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        var tree = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/hotline/categories", _ct);
        var nodes = tree.EnumerateArray().ToList();
        nodes.Count(n => n.GetProperty("level").GetInt32() == 1).ShouldBe(15);
        nodes.Count(n => n.GetProperty("level").GetInt32() == 3 && n.GetProperty("code").GetString() != "cxjs.03.90").ShouldBe(517);
        var illegal = nodes.Single(n => n.GetProperty("name").GetString() == "违章建筑");
        var code = illegal.GetProperty("code").GetString()!;
        code.ShouldStartWith("cxjs.");

        var agent = await app.AsAsync("HOTLINE-AGENT");
        var filed = await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Report", title = "楼顶私搭乱建", text = "邻居在楼顶加盖房屋，影响安全", regionCode = "510107", callerName = "李女士", callerPhone = "13800007777", categoryCode = code }, _ct);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(_ct));
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
        var ticket = await (await app.AsAsync("WH-CLERK")).GetFromJsonAsync<JsonElement>($"/api/v1/hotline/tickets/{id}", _ct);

        ticket.GetProperty("state").GetString().ShouldBe("Dispatched");
        ticket.GetProperty("departmentCode").GetString().ShouldBe("WH-MZ");
        ticket.GetProperty("category").GetString().ShouldBe("城乡建设");
        ticket.GetProperty("categoryCode").GetString().ShouldBe(code);
        ticket.GetProperty("categoryPath").GetString().ShouldBe("城乡建设 / 城乡规划 / 违章建筑");
        await (await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
                new { kind = "Report", title = "x", text = "y", regionCode = "510107", categoryCode = "nope.01" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.unknown_category");
        await (await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
                new { kind = "Report", title = "x", text = "y", regionCode = "510107", urgency = "Whenever" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        var registered = await (await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
            new { kind = "Help", title = "咨询分类", text = "不知道属于哪一类", regionCode = "511602", callerName = "马先生", callerPhone = "13400001111" }, _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);
        var waiting = registered.GetProperty("id").GetGuid();
        await (await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{waiting}/dispatch", new { category = "不存在的分类", departmentCode = "GA-SCJG" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.unknown_category");
        await (await agent.PostAsJsonAsync($"/api/v1/hotline/tickets/{waiting}/dispatch", new { categoryCode = "cxjs.99", departmentCode = "GA-SCJG" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.unknown_category");
    }

    [Fact]
    public async Task The_administrator_adds_renames_and_deactivates_nodes_and_routes_follow_a_rename()
    {
        var admin = await app.AsAsync("PLATFORM-ADMIN");
        var added = await admin.PutAsJsonAsync("/api/v1/hotline/categories/cxjs.03.90", new { name = "高空抛物", parentCode = "cxjs.03" }, _ct);
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync(_ct));
        var citizen = await app.AsAsync(TicketsApp.Citizen);
        (await citizen.GetFromJsonAsync<JsonElement>("/api/v1/hotline/categories", _ct)).EnumerateArray()
            .ShouldContain(n => n.GetProperty("code").GetString() == "cxjs.03.90" && n.GetProperty("level").GetInt32() == 3);

        var renamed = await admin.PutAsJsonAsync("/api/v1/hotline/categories/smly", new { name = "商贸和旅游", revision = 0 }, _ct);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync(_ct));
        var routes = await admin.GetFromJsonAsync<JsonElement>("/api/v1/hotline/routes", _ct);
        routes.EnumerateArray().Select(r => r.GetProperty("category").GetString()).ShouldContain("商贸和旅游");
        routes.EnumerateArray().Select(r => r.GetProperty("category").GetString()).ShouldNotContain("商贸旅游");
        await (await admin.PutAsJsonAsync("/api/v1/hotline/categories/smly", new { name = "商贸旅游", revision = 0 }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "hotline.stale_revision");
        (await admin.PutAsJsonAsync("/api/v1/hotline/categories/smly", new { name = "商贸旅游", revision = 1 }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var off = await admin.PutAsJsonAsync("/api/v1/hotline/categories/cxjs.03", new { name = "城乡规划", active = false }, _ct);
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        var agent = await app.AsAsync("HOTLINE-AGENT");
        await (await agent.PostAsJsonAsync("/api/v1/hotline/tickets",
                new { kind = "Report", title = "楼顶私搭乱建", text = "加盖房屋", regionCode = "510107", categoryCode = "cxjs.03.90" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.unknown_category");
        (await citizen.GetFromJsonAsync<JsonElement>("/api/v1/hotline/categories", _ct)).EnumerateArray()
            .ShouldNotContain(n => n.GetProperty("code").GetString()!.StartsWith("cxjs.03"));
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/hotline/categories?all=true", _ct)).EnumerateArray()
            .ShouldContain(n => n.GetProperty("code").GetString() == "cxjs.03" && !n.GetProperty("active").GetBoolean());
        (await admin.PutAsJsonAsync("/api/v1/hotline/categories/cxjs.03", new { name = "城乡规划", active = true }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await admin.PutAsJsonAsync("/api/v1/hotline/categories/cxjs.03.9", new { name = "坏代码", parentCode = "cxjs.03" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_category");
        await (await admin.PutAsJsonAsync("/api/v1/hotline/categories/abc", new { name = "" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_category");
        (await agent.PutAsJsonAsync("/api/v1/hotline/categories/abc", new { name = "坐席不能改" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_open311_service_definition_offers_the_second_level_and_a_request_may_choose_it()
    {
        var definition = await app.Client().GetFromJsonAsync<JsonElement>("/open311/v2/services/jtys.json", _ct);
        var attribute = definition.GetProperty("attributes")[0];
        attribute.GetProperty("code").GetString().ShouldBe("sub_category");
        var values = attribute.GetProperty("values").EnumerateArray().ToList();
        values.ShouldNotBeEmpty();
        var sub = values[0].GetProperty("key").GetString()!;
        var xml = XDocument.Parse(await app.Client().GetStringAsync("/open311/v2/services/jtys.xml", _ct));
        xml.Root!.Element("attributes")!.Element("attribute")!.Element("values")!.Elements("value").Count().ShouldBe(values.Count);
        (await app.Client().GetAsync("/open311/v2/services/nope.json", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var fields = new Dictionary<string, string>
        {
            ["jurisdiction_id"] = "511602", ["service_code"] = "jtys", [$"attribute[sub_category]"] = sub, ["description"] = "公交站台顶棚破损漏雨", ["address_string"] = "广安区建设路公交站",
        };
        var filed = await app.Client().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields), _ct);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(_ct));
        var number = (await filed.Content.ReadFromJsonAsync<JsonElement>(_ct))[0].GetProperty("service_request_id").GetString();
        var agent = await app.AsAsync("HOTLINE-AGENT");
        var ticket = (await agent.GetFromJsonAsync<JsonElement>("/api/v1/hotline/tickets", _ct)).EnumerateArray().Single(t => t.GetProperty("number").GetString() == number);
        ticket.GetProperty("categoryCode").GetString().ShouldBe(sub);

        var wrong = await app.Client().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["attribute[sub_category]"] = "cxjs.01" }), _ct);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

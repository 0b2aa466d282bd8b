using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;
using Yiwang.Modules.Sharing.Requests;
using Yiwang.TestKit;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>Supply–demand matching and calling, end to end through the API.</summary>
public sealed class SharingFlowTests(SharingApp app) : IClassFixture<SharingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conditional_resource_is_served_masked_only_after_the_provider_approves_and_the_person_sees_the_use()
    {
        var system = await app.NewSystemAsync("wh-mz-flow");
        var request = await app.RequestAsync(SharingApp.Register, ["creditCode", "businessName", "operatorName", "operatorIdNumber", "phone"], clientId: "wh-mz-flow");
        request.GetProperty("state").GetString().ShouldBe("Pending");
        request.GetProperty("maskedItems").EnumerateArray().Select(i => i.GetString()).ShouldBe(["operatorName", "operatorIdNumber", "phone"], ignoreOrder: true);
        var query = new { filters = new { operatorIdNumber = SharingApp.Citizen }, purpose = "婚姻登记核验", caseRef = "510107-20261130-0001" };

        await (await app.QueryAsync(SharingApp.Register, query, system)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.no_grant");

        var provider = await app.AsAsync("GA-DATA");
        var decided = await provider.PostAsJsonAsync($"/api/v1/sharing/requests/{request.GetProperty("id").GetGuid()}/decision",
            new { approve = true, clearItems = new[] { "operatorName" }, revision = request.GetProperty("revision").GetInt32() }, _ct);
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync(_ct));

        var answered = await app.QueryAsync(SharingApp.Register, query, system);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync(_ct));
        var record = (await answered.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("records").EnumerateArray().Single();
        record.GetProperty("businessName").GetString().ShouldBe("广安区张记小吃店");
        record.GetProperty("operatorName").GetString().ShouldBe("张广安");
        record.GetProperty("operatorIdNumber").GetString().ShouldBe("5****************2");
        record.GetProperty("phone").GetString().ShouldBe("138****0001");
        record.TryGetProperty("address", out _).ShouldBeFalse("address was not granted");

        var uses = await (await app.AsAsync(SharingApp.Citizen)).GetFromJsonAsync<JsonElement>("/api/v1/sharing/my-data-use", _ct);
        var use = uses.EnumerateArray().First();
        use.GetProperty("consumerDepartmentName").GetString()!.ShouldContain("民政");
        use.GetProperty("purpose").GetString().ShouldBe("婚姻登记核验");
        use.GetProperty("caseRef").GetString().ShouldBe("510107-20261130-0001");
        var other = await (await app.AsAsync("510107198511124563")).GetFromJsonAsync<JsonElement>("/api/v1/sharing/my-data-use", _ct);
        other.GetArrayLength().ShouldBe(0, "another person's data was not read");
    }

    [Fact]
    public async Task An_unconditional_resource_is_granted_on_request_and_a_not_shared_one_is_refused()
    {
        var request = await app.RequestAsync(SharingApp.Directory, ["creditCode", "name", "status"]);
        request.GetProperty("state").GetString().ShouldBe("Granted");

        var code = "92511602MA6000TG0" + Yiwang.Modules.Reference.Contracts.UnifiedSocialCreditCode.CheckCharacter("92511602MA6000TG0");
        var answered = await app.QueryAsync(SharingApp.Directory, new { filters = new { creditCode = code }, purpose = "核验" });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync(_ct));
        (await answered.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("records")[0].GetProperty("name").GetString().ShouldBe("广安区张记小吃店");

        var provider = await app.AsAsync("GA-DATA");
        (await provider.PostAsJsonAsync("/api/v1/sharing/resources", new
        {
            code = "511602-SCJG-AJXX", name = "案件线索", summary = "涉密的执法线索", updateCycle = "不定期", shareType = "NotShared", refusalBasis = "《行政处罚法》",
            items = new[] { new { name = "clueId", label = "线索编号", type = "Text", length = 20, level = 4, personal = false, sensitive = true, key = true, required = true } },
        }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var consumer = await app.AsAsync("WH-DATA");
        await (await consumer.PostAsJsonAsync("/api/v1/sharing/resources/511602-SCJG-AJXX/requests", new
        {
            clientId = SharingApp.System, items = new[] { "clueId" }, purpose = "x", dailyQuota = 10, validUntil = DateTime.UtcNow.AddHours(8).AddDays(30).ToString("yyyy-MM-dd"),
        }, _ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "sharing.not_shared");
    }

    [Fact]
    public async Task Every_bad_call_is_refused_with_its_code_and_logged()
    {
        await app.RequestAsync(SharingApp.Directory, ["creditCode", "name"], quota: 2);
        var valid = new Dictionary<string, string> { ["creditCode"] = "91511602MA62ABCD1G" };

        await (await app.QueryAsync(SharingApp.Directory, new { filters = valid, purpose = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.purpose_required");
        await (await app.QueryAsync(SharingApp.Directory, new { filters = valid, purpose = "核验", items = new[] { "address" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.items_not_granted");
        await (await app.QueryAsync(SharingApp.Directory, new { filters = new { name = "x" }, purpose = "核验" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.invalid_filter");
        await (await app.QueryAsync(SharingApp.Directory, new { filters = new { creditCode = "' OR 1=1 --" }, purpose = "核验" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.invalid_filter");
        await (await app.QueryAsync(SharingApp.Directory, new { purpose = "核验" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.invalid_filter");
        await (await app.QueryAsync("NO-SUCH", new { filters = valid, purpose = "核验" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "sharing.resource_not_found");
        var person = await app.AsAsync(SharingApp.Citizen);
        await (await person.PostAsJsonAsync($"/api/v1/sharing/resources/{SharingApp.Directory}/query", new { filters = valid, purpose = "x" }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.not_system");

        // The directory grant of this test allows two calls a day (the newest grant counts).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await app.QueryAsync(SharingApp.Directory, new { filters = valid, purpose = "核验" })).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);

        var log = await (await app.AsAsync("WH-DATA")).GetFromJsonAsync<JsonElement>("/api/v1/sharing/evidence", _ct);
        var outcomes = log.EnumerateArray().Select(e => e.GetProperty("outcome").GetString()).ToList();
        outcomes.ShouldContain("sharing.purpose_required");
        outcomes.ShouldContain("sharing.items_not_granted");
        outcomes.ShouldContain("sharing.invalid_filter");
        outcomes.ShouldContain("sharing.quota_exceeded");
    }

    [Fact]
    public async Task A_stored_record_that_cannot_be_read_is_refused_with_its_code_and_logged_and_the_next_lookup_is_served()
    {
        var system = await app.NewSystemAsync("wh-mz-broken");
        var request = await app.RequestAsync(SharingApp.Register, ["creditCode", "businessName"], clientId: "wh-mz-broken");
        var provider = await app.AsAsync("GA-DATA");
        (await provider.PostAsJsonAsync($"/api/v1/sharing/requests/{request.GetProperty("id").GetGuid()}/decision",
            new { approve = true, revision = request.GetProperty("revision").GetInt32() }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
            var register = await db.Resources.SingleAsync(r => r.Code == SharingApp.Register, _ct);
            foreach (var key in new[] { "BROKEN-0001", "GOOD-0001" })
            {
                var record = DataRecord.Create(Guid.CreateVersion7(), register.Id, key, new Dictionary<string, string?> { ["creditCode"] = key, ["businessName"] = "某店" }, DateTimeOffset.UtcNow);
                db.Records.Add(record);
                db.RecordKeys.Add(new RecordKeyEntry { ResourceId = register.Id, Field = "creditCode", Value = key, RecordId = record.Id });
            }

            await db.SaveChangesAsync(_ct);
            await db.Database.ExecuteSqlAsync($"UPDATE sharing_record SET \"values\" = '{{not json' WHERE record_key = {"BROKEN-0001"}", _ct);
        }

        var broken = new { filters = new { creditCode = "BROKEN-0001" }, purpose = "核验" };
        await (await app.QueryAsync(SharingApp.Register, broken, system)).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "sharing.records_unreadable");
        var found = await app.QueryAsync(SharingApp.Register, new { filters = new { creditCode = "GOOD-0001" }, purpose = "核验" }, system);
        found.StatusCode.ShouldBe(HttpStatusCode.OK, await found.Content.ReadAsStringAsync(_ct));
        (await found.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("records").EnumerateArray().Single().GetProperty("businessName").GetString().ShouldBe("某店");

        var log = await (await app.AsAsync("WH-DATA")).GetFromJsonAsync<JsonElement>("/api/v1/sharing/evidence", _ct);
        log.EnumerateArray().Select(e => e.GetProperty("outcome").GetString()).ShouldContain("sharing.records_unreadable");
    }

    [Fact]
    public async Task Personal_items_are_served_only_for_a_stated_case_and_a_revoked_grant_serves_nothing()
    {
        var request = await app.RequestAsync(SharingApp.Register, ["creditCode", "operatorIdNumber"]);
        var provider = await app.AsAsync("GA-DATA");
        var id = request.GetProperty("id").GetGuid();
        (await provider.PostAsJsonAsync($"/api/v1/sharing/requests/{id}/decision", new { approve = true }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var filters = new { operatorIdNumber = "511602198807150011" };

        await (await app.QueryAsync(SharingApp.Register, new { filters, purpose = "核验" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.case_required");
        (await app.QueryAsync(SharingApp.Register, new { filters, purpose = "核验", caseRef = "T-1" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await provider.PostAsync($"/api/v1/sharing/requests/{id}/revoke", null, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await app.QueryAsync(SharingApp.Register, new { filters, purpose = "核验", caseRef = "T-1" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.grant_expired");
    }

    [Fact]
    public async Task Only_the_provider_decides_and_a_refusal_needs_a_reason()
    {
        var request = await app.RequestAsync(SharingApp.Register, ["creditCode"]);
        var id = request.GetProperty("id").GetGuid();

        await (await (await app.AsAsync("WH-DATA")).PostAsJsonAsync($"/api/v1/sharing/requests/{id}/decision", new { approve = true }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.not_provider");
        await (await (await app.AsAsync("GA-CLERK")).PostAsJsonAsync($"/api/v1/sharing/requests/{id}/decision", new { approve = true }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.not_data_admin");
        var provider = await app.AsAsync("GA-DATA");
        await (await provider.PostAsJsonAsync($"/api/v1/sharing/requests/{id}/decision", new { approve = false }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.reason_required");
        await (await provider.PostAsJsonAsync($"/api/v1/sharing/requests/{id}/decision", new { approve = true, revision = 99 }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "sharing.stale_revision");
        var refused = await provider.PostAsJsonAsync($"/api/v1/sharing/requests/{id}/decision", new { approve = false, reason = "用途与婚姻登记无关" }, _ct);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("state").GetString().ShouldBe("Refused");
        await (await provider.PostAsJsonAsync($"/api/v1/sharing/requests/{id}/decision", new { approve = true }, _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "sharing.already_decided");
    }

    [Fact]
    public async Task An_undecided_request_is_escalated_once_past_ten_working_days()
    {
        var request = await app.RequestAsync(SharingApp.Register, ["businessName"]);
        var sweep = app.Services.GetRequiredService<OverdueSweep>();
        (await sweep.RunOnceAsync(_ct)).ShouldNotContain(request.GetProperty("number").GetString()!);

        app.Clock.Offset = TimeSpan.FromDays(20);
        try
        {
            (await sweep.RunOnceAsync(_ct)).ShouldContain(request.GetProperty("number").GetString()!);
            (await sweep.RunOnceAsync(_ct)).ShouldNotContain(request.GetProperty("number").GetString()!);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        var list = await (await app.AsAsync("GA-DATA")).GetFromJsonAsync<JsonElement>("/api/v1/sharing/requests", _ct);
        list.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == request.GetProperty("id").GetGuid()).GetProperty("escalated").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_value_is_corrected_by_its_provider_after_an_objection()
    {
        var request = await app.RequestAsync(SharingApp.Register, ["creditCode", "businessName", "address"]);
        (await (await app.AsAsync("GA-DATA")).PostAsJsonAsync($"/api/v1/sharing/requests/{request.GetProperty("id").GetGuid()}/decision", new { approve = true }, _ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var key = (await (await app.QueryAsync(SharingApp.Register, new { filters = new { operatorIdNumber = "511602199202180028" }, purpose = "核验", caseRef = "T-2" }))
            .Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("records")[0].GetProperty("creditCode").GetString()!;

        var raised = await (await app.AsAsync("WH-DATA")).PostAsJsonAsync($"/api/v1/sharing/resources/{SharingApp.Register}/objections",
            new { recordKey = key, item = "address", proposedValue = "广安区思源广场5号", reason = "现场核实门牌号为5号" }, _ct);
        raised.StatusCode.ShouldBe(HttpStatusCode.Created, await raised.Content.ReadAsStringAsync(_ct));
        var objection = await raised.Content.ReadFromJsonAsync<JsonElement>(_ct);
        objection.GetProperty("currentValue").GetString().ShouldBe("广安区思源广场3号");
        await (await (await app.AsAsync("510107198511124563")).PostAsJsonAsync($"/api/v1/sharing/resources/{SharingApp.Register}/objections",
            new { recordKey = key, item = "address", reason = "不是我的" }, _ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.not_concerned");

        var answered = await (await app.AsAsync("GA-DATA")).PostAsJsonAsync($"/api/v1/sharing/objections/{objection.GetProperty("id").GetGuid()}/answer",
            new { correct = true, value = "广安区思源广场5号" }, _ct);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync(_ct));
        var after = await (await app.QueryAsync(SharingApp.Register, new { filters = new { creditCode = key }, purpose = "核验", caseRef = "T-2" })).Content.ReadFromJsonAsync<JsonElement>(_ct);
        after.GetProperty("records")[0].GetProperty("address").GetString().ShouldBe("广安区思源广场5号");
        var history = await (await app.AsAsync("WH-DATA")).GetFromJsonAsync<JsonElement>("/api/v1/sharing/objections", _ct);
        history.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == objection.GetProperty("id").GetGuid()).GetProperty("state").GetString().ShouldBe("Corrected");
    }
}

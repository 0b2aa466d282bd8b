using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Licences.Tests.Features;

public sealed class ObjectionTests(LicencesApp app) : IClassFixture<LicencesApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_holder_disputes_a_field_and_the_issuer_corrects_it_in_a_new_version_within_the_working_day_limit()
    {
        var licence = await app.IssueAsync(_ct);
        var id = licence.GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var approver = await app.AsAsync("GA-APPROVER");

        var raised = await holder.PostAsJsonAsync($"/api/v1/licences/{id}/objections", new { fields = new[] { "经营场所" }, text = "门牌号应为 18 号" }, _ct);
        var objection = await raised.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var queue = await approver.GetFromJsonAsync<JsonElement>("/api/v1/licences/objections", _ct);
        var answered = await approver.PostAsJsonAsync($"/api/v1/licences/objections/{objection.GetProperty("id").GetGuid()}/answer", new
        {
            corrected = true,
            answer = "经核实，门牌号登记有误，已更正",
            fields = new Dictionary<string, string>
            {
                ["经营者"] = "张广安", ["组成形式"] = "个人经营", ["经营场所"] = "广安区兴安路 18 号", ["经营范围"] = "小吃服务",
                ["登记机关"] = "广安市广安区市场监督管理局", ["注册日期"] = "2026-11-23",
            },
        }, _ct);
        var answer = await answered.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var again = await approver.PostAsJsonAsync($"/api/v1/licences/objections/{objection.GetProperty("id").GetGuid()}/answer", new { corrected = false, answer = "重复" }, _ct);
        var wallet = await holder.GetFromJsonAsync<JsonElement>("/api/v1/licences/mine", _ct);

        raised.StatusCode.ShouldBe(HttpStatusCode.Created);
        (objection.GetProperty("dueAtUtc").GetDateTime() - objection.GetProperty("raisedAtUtc").GetDateTime()).TotalDays.ShouldBeGreaterThanOrEqualTo(5);
        queue.EnumerateArray().ShouldContain(o => o.GetProperty("id").GetGuid() == objection.GetProperty("id").GetGuid());
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync(_ct));
        answer.GetProperty("state").GetString().ShouldBe("Corrected");
        answer.GetProperty("correctedIdentifier").GetString()!.ShouldContain(".002.");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "licences.objection_closed");
        wallet.EnumerateArray().ShouldContain(l => l.GetProperty("identifier").GetString() == answer.GetProperty("correctedIdentifier").GetString() && l.GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task A_refusal_needs_an_explanation_and_strangers_can_neither_raise_nor_answer()
    {
        var licence = await app.IssueAsync(_ct);
        var id = licence.GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var raised = await (await holder.PostAsJsonAsync($"/api/v1/licences/{id}/objections", new { fields = new[] { "经营范围" }, text = "经营范围应包含饮品" }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var objectionId = raised.GetProperty("id").GetGuid();
        var approver = await app.AsAsync("GA-APPROVER");
        var stranger = await app.AsAsync(LicencesApp.OtherCitizen);

        var unexplained = await approver.PostAsJsonAsync($"/api/v1/licences/objections/{objectionId}/answer", new { corrected = false }, _ct);
        var strangerRaise = await stranger.PostAsJsonAsync($"/api/v1/licences/{id}/objections", new { fields = new[] { "经营范围" }, text = "x" }, _ct);
        var strangerAnswer = await stranger.PostAsJsonAsync($"/api/v1/licences/objections/{objectionId}/answer", new { corrected = false, answer = "x" }, _ct);
        var badField = await holder.PostAsJsonAsync($"/api/v1/licences/{id}/objections", new { fields = new[] { "身高" }, text = "x" }, _ct);
        var refused = await approver.PostAsJsonAsync($"/api/v1/licences/objections/{objectionId}/answer", new { corrected = false, answer = "申请时未申报饮品经营，需另行办理变更登记" }, _ct);
        var mine = await holder.GetFromJsonAsync<JsonElement>("/api/v1/licences/objections", _ct);

        await unexplained.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.reason_required");
        await strangerRaise.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.not_found");
        await strangerAnswer.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.objection_not_found");
        await badField.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_objection");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        mine.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == objectionId).GetProperty("answer").GetString().ShouldStartWith("申请时未申报");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task An_objection_left_unanswered_past_its_due_time_is_escalated_once_and_the_regions_supervisor_sees_it()
    {
        var admin = await app.AsAsync("PLATFORM-ADMIN");
        var marriage = await (await admin.PostAsJsonAsync("/api/v1/licences", new
        {
            typeCode = "11100000MB00000132001",
            issuerCode = "11511602MB00000025",
            holderName = "张广安",
            holderCode = LicencesApp.Citizen,
            fields = new Dictionary<string, string> { ["持证人"] = "张广安", ["登记日期"] = "2026-11-23", ["登记机关"] = "成都市武侯区民政局" },
        }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var business = await app.IssueAsync(_ct);
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var inWuhou = await (await holder.PostAsJsonAsync($"/api/v1/licences/{marriage.GetProperty("summary").GetProperty("id").GetGuid()}/objections",
            new { fields = new[] { "登记日期" }, text = "登记日期应为 2026-11-20" }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var inGuangan = await (await holder.PostAsJsonAsync($"/api/v1/licences/{business.GetProperty("summary").GetProperty("id").GetGuid()}/objections",
            new { fields = new[] { "经营范围" }, text = "经营范围不全" }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var job = app.Services.GetRequiredService<Jobs.EscalateOverdueObjections>();

        var inTime = await job.RunOnceAsync(_ct);
        app.Clock.Offset += TimeSpan.FromDays(12);
        var first = await job.RunOnceAsync(_ct);
        var second = await job.RunOnceAsync(_ct);
        app.Clock.Offset -= TimeSpan.FromDays(12);
        var supervisor = await (await app.AsAsync("WH-SUPERVISOR")).GetFromJsonAsync<JsonElement>("/api/v1/licences/objections", _ct);

        inTime.ShouldBe(0);
        first.ShouldBeGreaterThanOrEqualTo(2);
        second.ShouldBe(0);
        var seen = supervisor.EnumerateArray().ToList();
        seen.ShouldContain(o => o.GetProperty("id").GetGuid() == inWuhou.GetProperty("id").GetGuid() && o.GetProperty("escalatedAtUtc").ValueKind == JsonValueKind.String);
        seen.ShouldNotContain(o => o.GetProperty("id").GetGuid() == inGuangan.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_department_the_holder_authorised_disputes_a_field_it_was_shown_and_only_such_a_field()
    {
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var authorisation = await (await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations",
            new { granteeCode = "WH-MZ", purpose = "低保资格审核", fields = new[] { "经营者", "经营场所" } }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var url = $"/api/v1/licences/authorisations/{authorisation.GetProperty("id").GetGuid()}/objections";
        var clerk = await app.AsAsync("WH-CLERK");

        var notShown = await clerk.PostAsJsonAsync(url, new { fields = new[] { "经营范围" }, text = "与实际不符" }, _ct);
        var byOtherDepartment = await (await app.AsAsync("GA-CLERK")).PostAsJsonAsync(url, new { fields = new[] { "经营场所" }, text = "x" }, _ct);
        var raised = await clerk.PostAsJsonAsync(url, new { fields = new[] { "经营场所" }, text = "实地核查：经营场所已迁至兴安路 20 号" }, _ct);
        var objection = await raised.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var issuerQueue = await (await app.AsAsync("GA-APPROVER")).GetFromJsonAsync<JsonElement>("/api/v1/licences/objections", _ct);
        var raisersList = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/licences/objections", _ct);

        await notShown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_objection");
        await byOtherDepartment.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.authorisation_not_found");
        raised.StatusCode.ShouldBe(HttpStatusCode.Created, await raised.Content.ReadAsStringAsync(_ct));
        objection.GetProperty("raisedBy").GetString()!.ShouldStartWith("武侯区民政局");
        issuerQueue.EnumerateArray().ShouldContain(o => o.GetProperty("id").GetGuid() == objection.GetProperty("id").GetGuid());
        raisersList.EnumerateArray().ShouldContain(o => o.GetProperty("id").GetGuid() == objection.GetProperty("id").GetGuid());
    }
}

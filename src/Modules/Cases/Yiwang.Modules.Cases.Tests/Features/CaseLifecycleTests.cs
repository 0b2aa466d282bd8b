using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Cases.Tests.Features;

public sealed class CaseLifecycleTests(CasesApp app) : IClassFixture<CasesApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_goes_from_application_through_supplement_review_and_decision_to_completion_and_rating()
    {
        var id = await app.DraftWithMaterialsAsync(ct: _ct);
        var submitted = await app.ActAsync(CasesApp.Citizen, id, "submit", ct: _ct);
        var number = submitted.GetProperty("number").GetString()!;
        number.Length.ShouldBe(21);
        number.ShouldStartWith("511602");
        submitted.GetProperty("prefilledShare").GetDouble().ShouldBeGreaterThan(0.4);

        await app.ActAsync("GA-CLERK", id, "request-supplement", new { items = new[] { "经营场所使用相关文件" }, opinion = "租赁合同缺少出租方签字" }, ct: _ct);
        await app.ActAsync("GA-CLERK", id, "request-supplement", new { items = new[] { "经营者居民身份证" } }, HttpStatusCode.Conflict, _ct);
        await app.ActAsync(CasesApp.Citizen, id, "supplement", expect: HttpStatusCode.UnprocessableEntity, ct: _ct);
        (await (await app.AsAsync(CasesApp.Citizen)).PostAsync($"/api/v1/applications/{id}/materials", CasesApp.Pdf("经营场所使用相关文件", "lease-signed.pdf"), _ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await app.ActAsync(CasesApp.Citizen, id, "supplement", ct: _ct);

        var accepted = await app.ActAsync("GA-CLERK", id, "accept", ct: _ct);
        accepted.GetProperty("state").GetString().ShouldBe("InReview");
        accepted.GetProperty("light").GetString().ShouldBe("Green");
        accepted.GetProperty("dueAtUtc").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow);
        await app.ActAsync("GA-CLERK", id, "pass-step", expect: HttpStatusCode.Forbidden, ct: _ct);
        await app.ActAsync("GA-APPROVER", id, "pass-step", new { opinion = "材料齐全，符合条件" }, ct: _ct);
        await app.ActAsync("GA-APPROVER", id, "decide", new { decision = "Approved" }, HttpStatusCode.BadRequest, _ct);
        await app.ActAsync("GA-APPROVER", id, "decide", new { decision = "Approved", opinion = "符合《促进个体工商户发展条例》规定" }, ct: _ct);
        var completed = await app.ActAsync("GA-CLERK", id, "complete", new { delivery = "Electronic" }, ct: _ct);

        completed.GetProperty("state").GetString().ShouldBe("Completed");
        completed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .ShouldBe(["create", "submit", "request-supplement", "supplement", "accept", "pass-step", "decide", "complete"]);

        var citizen = await app.AsAsync(CasesApp.Citizen);
        var rated = await citizen.PostAsJsonAsync($"/api/v1/applications/{id}/rating", new { level = "Dissatisfied", comment = "补正要求没有一次说清" }, _ct);
        rated.StatusCode.ShouldBe(HttpStatusCode.Created);
        var rectificationId = (await rated.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("rectificationId").GetGuid();

        var clerk = await app.AsAsync("GA-CLERK");
        (await clerk.PostAsJsonAsync($"/api/v1/ratings/rectifications/{rectificationId}/close", new { outcome = "RectifiedNow", explanation = "已改进" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await clerk.PostAsJsonAsync($"/api/v1/ratings/rectifications/{rectificationId}/callback", new { note = "已电话回访申请人" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.PostAsJsonAsync($"/api/v1/ratings/rectifications/{rectificationId}/close", new { outcome = "RectifiedNow", explanation = "已统一补正告知模板" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var indicators = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/ratings/indicators", _ct);
        indicators.GetProperty("bad").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        indicators.GetProperty("rectificationRate").GetDouble().ShouldBeGreaterThan(0);

        var messages = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/applications/notifications", _ct);
        messages.EnumerateArray().Count(m => m.GetProperty("caseId").GetGuid() == id).ShouldBeGreaterThanOrEqualTo(6);
        app.Sms.Sent.ShouldContain(m => m.Text.Contains(number, StringComparison.Ordinal) && m.Text.Contains("已受理", StringComparison.Ordinal) && m.Phone != null);
    }

    [Fact]
    public async Task Anyone_with_the_number_and_query_code_can_follow_progress_without_signing_in_but_sees_no_names()
    {
        var submitted = await app.SubmittedCaseAsync(_ct);
        var number = submitted.GetProperty("number").GetString();
        var code = submitted.GetProperty("queryCode").GetString();

        var found = await app.Client().GetAsync($"/api/v1/applications/track?number={number}&code={code}", _ct);
        var wrong = await app.Client().GetAsync($"/api/v1/applications/track?number={number}&code=AAAAAAAA", _ct);

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await found.Content.ReadAsStringAsync(_ct)).ShouldNotContain("张广安");
        await wrong.ShouldBeProblemAsync(HttpStatusCode.NotFound, "cases.case_not_found");
    }

    [Fact]
    public async Task Two_clerks_accepting_the_same_case_at_once_cannot_both_win()
    {
        var submitted = await app.SubmittedCaseAsync(_ct);
        var id = submitted.GetProperty("id").GetGuid();
        var revision = submitted.GetProperty("revision").GetInt32();
        var clerk = await app.AsAsync("GA-CLERK");
        var admin = await app.AsAsync("PLATFORM-ADMIN");

        var answers = await Task.WhenAll(
            clerk.PostAsJsonAsync($"/api/v1/applications/{id}/actions/accept", new { revision }, _ct),
            admin.PostAsJsonAsync($"/api/v1/applications/{id}/actions/accept", new { revision }, _ct));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_idempotency_key_creates_one_case()
    {
        var citizen = await app.AsAsync(CasesApp.Citizen);
        var form = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/form/{CasesApp.Item}", _ct);
        var values = form.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString() ?? "申请办理");
        async Task<HttpResponseMessage> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(new { itemCode = CasesApp.Item, form = values }) };
            request.Headers.Add("Idempotency-Key", "retry-" + Guid.NewGuid().ToString("N")[..8] + "-fixed");
            return await citizen.SendAsync(request, _ct);
        }

        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(new { itemCode = CasesApp.Item, form = values }) };
        first.Headers.Add("Idempotency-Key", "my-key-1");
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(new { itemCode = CasesApp.Item, form = values }) };
        again.Headers.Add("Idempotency-Key", "my-key-1");
        var a = await citizen.SendAsync(first, _ct);
        var b = await citizen.SendAsync(again, _ct);

        a.StatusCode.ShouldBe(HttpStatusCode.Created);
        b.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await b.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid().ShouldBe((await a.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid());
        (await Send()).StatusCode.ShouldBe(HttpStatusCode.Created, "a different key is a different application");
    }

    [Fact]
    public async Task Staff_outside_the_case_scope_and_other_citizens_do_not_learn_that_it_exists()
    {
        var submitted = await app.SubmittedCaseAsync(_ct);
        var id = submitted.GetProperty("id").GetGuid();

        var otherClerk = await (await app.AsAsync("WH-CLERK")).GetAsync($"/api/v1/applications/{id}", _ct);
        var otherCitizen = await (await app.AsAsync(CasesApp.Agent)).GetAsync($"/api/v1/applications/{id}", _ct);
        var accept = await (await app.AsAsync("WH-CLERK")).PostAsJsonAsync($"/api/v1/applications/{id}/actions/accept", new { }, _ct);
        var queue = await (await app.AsAsync("WH-CLERK")).GetFromJsonAsync<JsonElement>("/api/v1/applications/queue", _ct);

        await otherClerk.ShouldBeProblemAsync(HttpStatusCode.NotFound, "cases.case_not_found");
        await otherCitizen.ShouldBeProblemAsync(HttpStatusCode.NotFound, "cases.case_not_found");
        await accept.ShouldBeProblemAsync(HttpStatusCode.NotFound, "cases.case_not_found");
        queue.GetProperty("items").EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Refusal_at_acceptance_needs_a_reason_and_ends_the_case()
    {
        var id = (await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid();

        var bare = await app.ActAsync("GA-CLERK", id, "reject", new { }, HttpStatusCode.BadRequest, _ct);
        var refused = await app.ActAsync("GA-CLERK", id, "reject", new { opinion = "不属于本机关管辖" }, ct: _ct);
        var afterwards = await app.ActAsync("GA-CLERK", id, "accept", expect: HttpStatusCode.Conflict, ct: _ct);

        bare.GetProperty("code").GetString().ShouldBe("cases.reason_required");
        refused.GetProperty("state").GetString().ShouldBe("NotAccepted");
        afterwards.GetProperty("code").GetString().ShouldBe("cases.illegal_transition");
    }

    [Fact]
    public async Task The_applicant_can_withdraw_before_the_decision_but_not_after()
    {
        var first = (await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid();
        var second = (await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid();
        await app.ActAsync("GA-CLERK", second, "accept", ct: _ct);
        await app.ActAsync("GA-APPROVER", second, "pass-step", ct: _ct);
        await app.ActAsync("GA-APPROVER", second, "decide", new { decision = "Refused", opinion = "经营范围属于禁止项目" }, HttpStatusCode.BadRequest, _ct);
        await app.ActAsync("GA-APPROVER", second, "decide", new { decision = "Refused", opinion = "经营范围属于禁止项目", legalBasis = "《市场主体登记管理条例》第十四条" }, ct: _ct);

        (await app.ActAsync(CasesApp.Citizen, first, "withdraw", ct: _ct)).GetProperty("state").GetString().ShouldBe("Withdrawn");
        await app.ActAsync(CasesApp.Citizen, second, "withdraw", expect: HttpStatusCode.Conflict, ct: _ct);
        await app.ActAsync("GA-CLERK", first, "withdraw", expect: HttpStatusCode.Forbidden, ct: _ct);
    }

    [Fact]
    public async Task Materials_of_the_wrong_type_too_large_or_flagged_by_the_scan_are_refused_and_nothing_is_stored()
    {
        var citizen = await app.AsAsync(CasesApp.Citizen);
        var id = await app.DraftWithMaterialsAsync(ct: _ct);
        var before = (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", _ct)).GetProperty("materials").GetArrayLength();

        var exe = await citizen.PostAsync($"/api/v1/applications/{id}/materials", CasesApp.Pdf("经营者居民身份证", "id.pdf", "MZ\u0090 not a pdf"), _ct);
        var renamed = await citizen.PostAsync($"/api/v1/applications/{id}/materials", CasesApp.Pdf("经营者居民身份证", "id.exe"), _ct);
        var virus = await citizen.PostAsync($"/api/v1/applications/{id}/materials", CasesApp.Pdf("经营者居民身份证", "id.pdf", "%PDF-1.4 X5O!P%@AP EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"), _ct);
        var unknown = await citizen.PostAsync($"/api/v1/applications/{id}/materials", CasesApp.Pdf("不存在的材料"), _ct);
        var big = await citizen.PostAsync($"/api/v1/applications/{id}/materials", CasesApp.Pdf("经营者居民身份证", "big.pdf", "%PDF-" + new string('x', 21 * 1024 * 1024)), _ct);

        await exe.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cases.file_type_not_allowed");
        await renamed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cases.file_type_not_allowed");
        await virus.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.file_rejected_by_scan");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cases.unknown_material");
        await big.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cases.file_too_large");
        (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", _ct)).GetProperty("materials").GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task A_material_from_an_earlier_case_is_reused_without_uploading_it_again()
    {
        var citizen = await app.AsAsync(CasesApp.Citizen);
        await app.DraftWithMaterialsAsync(ct: _ct);
        var reusable = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/applications/reusable-materials", _ct);
        var idCard = reusable.EnumerateArray().First(m => m.GetProperty("materialName").GetString() == "经营者居民身份证");
        var form = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/form/{CasesApp.Item}", _ct);
        var values = form.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString() ?? "申请办理");
        var draft = await (await citizen.PostAsJsonAsync("/api/v1/applications", new { itemCode = CasesApp.Item, form = values }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var draftId = draft.GetProperty("id").GetGuid();

        var reused = await citizen.PostAsJsonAsync($"/api/v1/applications/{draftId}/materials/reuse", new { materialId = idCard.GetProperty("id").GetGuid(), materialName = "经营者居民身份证" }, _ct);
        var foreign = await (await app.AsAsync(CasesApp.Agent)).PostAsJsonAsync($"/api/v1/applications/{draftId}/materials/reuse", new { materialId = idCard.GetProperty("id").GetGuid(), materialName = "经营者居民身份证" }, _ct);

        reused.StatusCode.ShouldBe(HttpStatusCode.Created);
        var view = await reused.Content.ReadFromJsonAsync<JsonElement>(_ct);
        view.GetProperty("sha256").GetString().ShouldBe(idCard.GetProperty("sha256").GetString());
        view.GetProperty("reusedFromCaseId").GetGuid().ShouldNotBe(draftId);
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound, "cases.case_not_found");
    }

    [Fact]
    public async Task A_case_cannot_be_submitted_with_required_materials_missing_or_without_required_fields()
    {
        var citizen = await app.AsAsync(CasesApp.Citizen);
        var empty = await citizen.PostAsJsonAsync("/api/v1/applications", new { itemCode = CasesApp.Item, form = new Dictionary<string, string>() }, _ct);
        var form = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/form/{CasesApp.Item}", _ct);
        var values = form.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString() ?? "申请办理");
        var draft = await (await citizen.PostAsJsonAsync("/api/v1/applications", new { itemCode = CasesApp.Item, form = values }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);

        var submit = await app.ActAsync(CasesApp.Citizen, draft.GetProperty("id").GetGuid(), "submit", expect: HttpStatusCode.UnprocessableEntity, ct: _ct);

        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cases.form_fields_missing");
        submit.GetProperty("code").GetString().ShouldBe("cases.materials_missing");
    }

    [Fact]
    public async Task A_window_clerk_takes_in_an_application_for_a_walk_in_applicant_for_an_item_of_another_department_in_the_hall()
    {
        var clerk = await app.AsAsync("GA-CLERK");
        var walkIn = new Dictionary<string, string>
        {
            ["applicantName"] = "王大妈", ["applicantIdNumber"] = "51160219580101009X", ["applicantPhone"] = "13800001111", ["request"] = "申请高龄津贴",
        };

        var created = await clerk.PostAsJsonAsync("/api/v1/applications", new { itemCode = "511602-MZ-005", form = walkIn }, _ct);
        var elsewhere = await (await app.AsAsync("WH-CLERK")).PostAsJsonAsync("/api/v1/applications", new { itemCode = "511602-MZ-005", form = walkIn }, _ct);
        var supervisor = await (await app.AsAsync("WH-SUPERVISOR")).PostAsJsonAsync("/api/v1/applications", new { itemCode = "511602-MZ-005", form = walkIn }, _ct);
        var badId = await clerk.PostAsJsonAsync("/api/v1/applications", new { itemCode = "511602-MZ-005", form = new Dictionary<string, string>(walkIn) { ["applicantIdNumber"] = "511602195801010091" } }, _ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(_ct));
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>(_ct);
        detail.GetProperty("channel").GetString().ShouldBe("Window");
        detail.GetProperty("departmentCode").GetString().ShouldBe("GA-MZ");
        detail.GetProperty("applicantIdNumberMasked").GetString().ShouldBe("5****************X");
        var id = detail.GetProperty("id").GetGuid();
        foreach (var m in detail.GetProperty("requirements").EnumerateArray().Where(m => m.GetProperty("required").GetBoolean()))
        {
            (await clerk.PostAsync($"/api/v1/applications/{id}/materials", CasesApp.Pdf(m.GetProperty("name").GetString()!), _ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await app.ActAsync("GA-CLERK", id, "submit", ct: _ct)).GetProperty("number").GetString()!.ShouldStartWith("511602");
        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.item_not_open");
        await supervisor.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "cases.applicant_only");
        await badId.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cases.form_fields_missing");
    }

    [Fact]
    public async Task A_batch_of_actions_is_stored_together_and_reports_each_refusal_without_storing_it()
    {
        var first = (await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid();
        var second = (await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid();
        var clerk = await app.AsAsync("GA-CLERK");

        var batch = await clerk.PostAsJsonAsync("/api/v1/applications/actions", new
        {
            items = new object[]
            {
                new { id = first, action = "accept" },
                new { id = second, action = "pre-review" },
                new { id = second, action = "reject" },
                new { id = Guid.NewGuid(), action = "accept" },
            },
        }, _ct);
        var empty = await clerk.PostAsJsonAsync("/api/v1/applications/actions", new { items = Array.Empty<object>() }, _ct);

        batch.StatusCode.ShouldBe(HttpStatusCode.OK);
        var outcomes = (await batch.Content.ReadFromJsonAsync<JsonElement>(_ct)).EnumerateArray().ToList();
        outcomes.Select(o => o.GetProperty("done").GetBoolean()).ShouldBe([true, true, false, false]);
        outcomes[2].GetProperty("code").GetString().ShouldBe("cases.reason_required");
        outcomes[3].GetProperty("code").GetString().ShouldBe("cases.case_not_found");
        (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{first}", _ct)).GetProperty("state").GetString().ShouldBe("InReview");
        (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{second}", _ct)).GetProperty("state").GetString().ShouldBe("PreReviewed");
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cases.invalid_batch");
    }

    [Fact]
    public async Task Actions_arriving_together_are_each_stored_and_each_caller_gets_its_own_case_back()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await app.SubmittedCaseAsync(_ct)).GetProperty("id").GetGuid());
        }

        var clerk = await app.AsAsync("GA-CLERK");

        var answers = await Task.WhenAll(ids.Select(id => clerk.PostAsJsonAsync($"/api/v1/applications/{id}/actions/accept", new { }, _ct)));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<JsonElement>(_ct)));
        var stored = await Task.WhenAll(ids.Select(id => clerk.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", _ct)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        bodies.Select(b => b.GetProperty("id").GetGuid()).ShouldBe(ids);
        stored.ShouldAllBe(c => c.GetProperty("state").GetString() == "InReview");
        stored.ShouldAllBe(c => c.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "accept") == 1);
    }
}

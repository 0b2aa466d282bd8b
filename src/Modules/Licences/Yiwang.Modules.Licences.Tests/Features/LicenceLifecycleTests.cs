using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.TestKit;

namespace Yiwang.Modules.Licences.Tests.Features;

public sealed class LicenceLifecycleTests(LicencesApp app) : IClassFixture<LicencesApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_issued_licence_is_in_the_holders_wallet_and_a_stranger_verifies_it_seeing_only_the_fields_the_holder_chose()
    {
        var licence = await app.IssueAsync(_ct);
        var id = licence.GetProperty("summary").GetProperty("id").GetGuid();
        var identifier = licence.GetProperty("summary").GetProperty("identifier").GetString()!;

        var wallet = await (await app.AsAsync(LicencesApp.Citizen)).GetFromJsonAsync<JsonElement>("/api/v1/licences/mine", _ct);
        var shown = await app.PresentAsync(id, _ct, "经营者", "经营范围");
        var byText = await app.VerifyAsync(shown.GetProperty("presentation").GetString()!, _ct);
        var byLink = await app.VerifyAsync(shown.GetProperty("link").GetString()!, _ct);

        wallet.EnumerateArray().ShouldContain(l => l.GetProperty("identifier").GetString() == identifier);
        wallet.EnumerateArray().First().GetProperty("holderCodeMasked").GetString().ShouldBe("511**************2");
        identifier.ShouldStartWith("1.2.156.3005.2." + LicencesApp.BusinessLicence + ".11511602MB00000012.");
        LicencesApp.Verdict(byText).ShouldBe("Valid");
        LicencesApp.Verdict(byLink).ShouldBe("Valid");
        byText.GetProperty("identifier").GetString().ShouldBe(identifier);
        byText.GetProperty("disclosed").EnumerateObject().Select(p => p.Name).ShouldBe(["经营者", "经营范围"], ignoreOrder: true);
        byText.GetProperty("disclosed").GetProperty("经营者").GetString().ShouldBe("张广安");
        shown.GetProperty("qrPngBase64").GetString()!.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_changed_field_a_forged_signature_a_foreign_key_garbage_and_another_platforms_link_each_get_their_verdict()
    {
        var licence = await app.IssueAsync(_ct);
        var shown = await app.PresentAsync(licence.GetProperty("summary").GetProperty("id").GetGuid(), _ct, "经营者");
        var presentation = shown.GetProperty("presentation").GetString()!;
        var parts = presentation.Split('~');
        var jws = parts[0].Split('.');

        // The holder swaps in a disclosure of their own making.
        var forgedField = SdJwt.Combine(parts[0], [SdJwt.Disclose("经营者", "李四").Encoded]);
        // Someone edits the signed payload (a later validity) and keeps the signature.
        var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(jws[1])).RootElement.GetRawText().Replace("\"jti\"", "\"x\":1,\"jti\"");
        var forgedPayload = $"{jws[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{jws[2]}~";
        // Someone signs a look-alike with a key of their own under a made-up key id.
        var (_, foreignKey) = SignatureScheme.Ed25519.Generate();
        var foreign = Jws.Sign(SignatureScheme.Ed25519, "11511602MB00000012-not-ours", "vc+sd-jwt", System.Text.Json.Nodes.JsonNode.Parse(payload)!.AsObject(), foreignKey) + "~";

        LicencesApp.Verdict(await app.VerifyAsync(forgedField, _ct)).ShouldBe("Tampered");
        LicencesApp.Verdict(await app.VerifyAsync(forgedPayload, _ct)).ShouldBe("Tampered");
        LicencesApp.Verdict(await app.VerifyAsync(foreign, _ct)).ShouldBe("UnknownIssuer");
        LicencesApp.Verdict(await app.VerifyAsync("not a licence at all", _ct)).ShouldBe("Malformed");
        LicencesApp.Verdict(await app.VerifyAsync("https://other.example.gov.cn/verify?p=" + Uri.EscapeDataString(presentation), _ct)).ShouldBe("Malformed");
        (await app.VerifyAsync(forgedField, _ct)).GetProperty("disclosed").EnumerateObject().ShouldBeEmpty();
        var empty = await app.Client().PostAsJsonAsync("/api/v1/licences/verify", new { presentation = "" }, _ct);
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_presentation");
    }

    [Fact]
    public async Task A_batch_verification_answers_each_presentation_in_order_and_refuses_an_empty_or_oversized_batch()
    {
        var licence = await app.IssueAsync(_ct);
        var shown = await app.PresentAsync(licence.GetProperty("summary").GetProperty("id").GetGuid(), _ct, "经营者");
        var presentation = shown.GetProperty("presentation").GetString()!;
        var anonymous = app.Client();

        var batch = await anonymous.PostAsJsonAsync("/api/v1/licences/verify/batch",
            new { presentations = new[] { presentation, "garbage", shown.GetProperty("shortLink").GetString()!, presentation[..^5] } }, _ct);
        var verdicts = (await batch.Content.ReadFromJsonAsync<JsonElement>(_ct)).EnumerateArray().Select(LicencesApp.Verdict).ToList();
        var empty = await anonymous.PostAsJsonAsync("/api/v1/licences/verify/batch", new { presentations = Array.Empty<string>() }, _ct);
        var oversized = await anonymous.PostAsJsonAsync("/api/v1/licences/verify/batch", new { presentations = Enumerable.Repeat("x", 1001) }, _ct);

        batch.StatusCode.ShouldBe(HttpStatusCode.OK);
        verdicts.ShouldBe(["Valid", "Malformed", "Valid", "Tampered"]);
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_batch");
        await oversized.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_batch");
    }

    [Fact]
    public async Task Suspension_reinstatement_and_revocation_reach_verification_through_the_status_lists()
    {
        var licence = await app.IssueAsync(_ct);
        var id = licence.GetProperty("summary").GetProperty("id").GetGuid();
        var presentation = (await app.PresentAsync(id, _ct)).GetProperty("presentation").GetString()!;
        var approver = await app.AsAsync("GA-APPROVER");
        async Task<string> SetAsync(string status)
        {
            var response = await approver.PostAsJsonAsync($"/api/v1/licences/{id}/status", new { status, reason = "监管检查" }, _ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
            return LicencesApp.Verdict(await app.VerifyAsync(presentation, _ct));
        }

        var suspended = await SetAsync("Suspended");
        var reinstated = await SetAsync("Valid");
        var revoked = await SetAsync("Revoked");
        var again = await approver.PostAsJsonAsync($"/api/v1/licences/{id}/status", new { status = "Valid", reason = "撤销吊销" }, _ct);
        var noReason = await approver.PostAsJsonAsync($"/api/v1/licences/{id}/status", new { status = "Suspended" }, _ct);
        var published = await app.Client().GetAsync("/api/v1/licences/status/11511602MB00000012/revocation/0", _ct);

        suspended.ShouldBe("Suspended");
        reinstated.ShouldBe("Valid");
        revoked.ShouldBe("Revoked");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "licences.illegal_status_change");
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.reason_required");
        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        published.Content.Headers.ContentType!.MediaType.ShouldBe("application/vc+jwt");
    }

    [Fact]
    public async Task A_change_makes_a_new_version_and_the_old_one_no_longer_verifies()
    {
        var licence = await app.IssueAsync(_ct);
        var id = licence.GetProperty("summary").GetProperty("id").GetGuid();
        var old = (await app.PresentAsync(id, _ct)).GetProperty("presentation").GetString()!;
        var approver = await app.AsAsync("GA-APPROVER");

        var changed = await approver.PostAsJsonAsync($"/api/v1/licences/{id}/versions", new
        {
            reason = "经营场所变更",
            fields = new Dictionary<string, string>
            {
                ["经营者"] = "张广安", ["组成形式"] = "个人经营", ["经营场所"] = "广安区渠江路 1 号", ["经营范围"] = "小吃服务",
                ["登记机关"] = "广安市广安区市场监督管理局", ["注册日期"] = "2026-11-23",
            },
        }, _ct);
        var next = await changed.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var nextId = next.GetProperty("id").GetGuid();
        var fresh = (await app.PresentAsync(nextId, _ct, "经营场所")).GetProperty("presentation").GetString()!;
        var detail = await (await app.AsAsync(LicencesApp.Citizen)).GetFromJsonAsync<JsonElement>($"/api/v1/licences/{nextId}", _ct);

        changed.StatusCode.ShouldBe(HttpStatusCode.Created);
        next.GetProperty("version").GetInt32().ShouldBe(2);
        next.GetProperty("identifier").GetString()!.ShouldContain(".002.");
        LicencesApp.Verdict(await app.VerifyAsync(old, _ct)).ShouldBe("Revoked");
        (await app.VerifyAsync(fresh, _ct)).GetProperty("disclosed").GetProperty("经营场所").GetString().ShouldBe("广安区渠江路 1 号");
        detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["issue", "supersede", "change"]);
    }

    [Fact]
    public async Task Nobody_but_the_holder_and_the_issuer_learns_that_a_licence_exists_and_bad_issuing_requests_are_refused()
    {
        var licence = await app.IssueAsync(_ct);
        var id = licence.GetProperty("summary").GetProperty("id").GetGuid();
        var other = await app.AsAsync(LicencesApp.OtherCitizen);
        var otherDepartment = await app.AsAsync("WH-CLERK");
        var approver = await app.AsAsync("GA-APPROVER");

        var seen = await other.GetAsync($"/api/v1/licences/{id}", _ct);
        var shown = await other.PostAsJsonAsync($"/api/v1/licences/{id}/presentations", new { fields = Array.Empty<string>() }, _ct);
        var revoked = await otherDepartment.PostAsJsonAsync($"/api/v1/licences/{id}/status", new { status = "Revoked", reason = "x" }, _ct);
        var byCitizen = await other.PostAsJsonAsync("/api/v1/licences", new { typeCode = LicencesApp.BusinessLicence }, _ct);
        var badHolder = await approver.PostAsJsonAsync("/api/v1/licences", new { typeCode = LicencesApp.BusinessLicence, holderName = "张三", holderCode = "511602199003071233", fields = new Dictionary<string, string>() }, _ct);
        var missing = await approver.PostAsJsonAsync("/api/v1/licences", new { typeCode = LicencesApp.BusinessLicence, holderName = "张广安", holderCode = LicencesApp.Citizen, fields = new Dictionary<string, string> { ["经营者"] = "张广安" } }, _ct);
        var unknownField = await (await app.AsAsync(LicencesApp.Citizen)).PostAsJsonAsync($"/api/v1/licences/{id}/presentations", new { fields = new[] { "身高" } }, _ct);

        await seen.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.not_found");
        await shown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.not_found");
        await revoked.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.not_found");
        await byCitizen.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "licences.staff_only");
        await badHolder.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_holder");
        await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.missing_fields");
        await unknownField.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_disclosure");
    }

    [Fact]
    public async Task An_sm2_issuer_signs_with_sm2_and_its_licences_verify()
    {
        var admin = await app.AsAsync("PLATFORM-ADMIN");
        var issued = await admin.PostAsJsonAsync("/api/v1/licences", new
        {
            typeCode = "11100000MB00000132001",
            issuerCode = "11511602MB00000025",
            holderName = "张广安",
            holderCode = LicencesApp.Citizen,
            fields = new Dictionary<string, string> { ["持证人"] = "张广安", ["登记日期"] = "2026-11-23", ["登记机关"] = "成都市武侯区民政局" },
        }, _ct);
        var licence = await issued.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var credential = licence.GetProperty("credential").GetString()!;
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(credential.Split('.')[0])).RootElement;
        var shown = await app.PresentAsync(licence.GetProperty("summary").GetProperty("id").GetGuid(), _ct, "持证人");
        var jwks = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/licences/jwks", _ct);

        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        header.GetProperty("alg").GetString().ShouldBe("SM2");
        LicencesApp.Verdict(await app.VerifyAsync(shown.GetProperty("presentation").GetString()!, _ct)).ShouldBe("Valid");
        jwks.GetProperty("keys").EnumerateArray().ShouldContain(k => k.GetProperty("crv").GetString() == "SM2");
        jwks.GetProperty("keys").EnumerateArray().ShouldContain(k => k.GetProperty("crv").GetString() == "Ed25519");
    }

    [Fact]
    public async Task After_a_key_rotation_old_licences_still_verify_and_new_ones_use_the_new_key()
    {
        var before = await app.IssueAsync(_ct);
        var oldPresentation = (await app.PresentAsync(before.GetProperty("summary").GetProperty("id").GetGuid(), _ct)).GetProperty("presentation").GetString()!;

        var rotated = await app.AdminClient().PostAsync("/api/v1/licences/issuers/11511602MB00000012/rotate", null, _ct);
        var after = await app.IssueAsync(_ct);
        string Kid(JsonElement l) => JsonDocument.Parse(Base64Url.DecodeFromChars(l.GetProperty("credential").GetString()!.Split('.')[0])).RootElement.GetProperty("kid").GetString()!;

        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        Kid(after).ShouldNotBe(Kid(before));
        LicencesApp.Verdict(await app.VerifyAsync(oldPresentation, _ct)).ShouldBe("Valid");
    }

    [Fact]
    public async Task A_licence_past_its_validity_is_reported_expired()
    {
        var created = await app.AdminClient().PostAsJsonAsync("/api/v1/licences/types", new
        {
            code = "11100000MB0143028R901",
            name = "临时经营许可（测试）",
            definingAuthority = "国家市场监督管理总局",
            holderKind = "NaturalPerson",
            validityYears = 1,
            fields = new[] { new { name = "经营者", label = "经营者", required = true } },
        }, _ct);
        var issued = await (await app.AsAsync("GA-APPROVER")).PostAsJsonAsync("/api/v1/licences", new
        {
            typeCode = "11100000MB0143028R901", holderName = "张广安", holderCode = LicencesApp.Citizen, fields = new Dictionary<string, string> { ["经营者"] = "张广安" },
        }, _ct);
        var id = (await issued.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var presentation = (await app.PresentAsync(id, _ct)).GetProperty("presentation").GetString()!;

        var now = LicencesApp.Verdict(await app.VerifyAsync(presentation, _ct));
        app.Clock.Offset = TimeSpan.FromDays(366);
        string later;
        try
        {
            later = LicencesApp.Verdict(await app.VerifyAsync(presentation, _ct));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        now.ShouldBe("Valid");
        later.ShouldBe("Expired");
    }
}

using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Licences.Tests.Features;

public sealed class AuthorisationTests(LicencesApp app) : IClassFixture<LicencesApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_department_the_holder_authorised_uses_the_licence_sees_only_the_named_fields_and_the_holder_sees_the_use()
    {
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var granted = await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations",
            new { granteeKind = "Department", granteeCode = "WH-MZ", purpose = "低保资格审核", fields = new[] { "经营者", "经营范围" }, validUntil = "2026-12-31" }, _ct);
        var authorisation = await granted.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var clerk = await app.AsAsync("WH-CLERK");

        var received = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/licences/authorisations/received", _ct);
        var used = await clerk.PostAsJsonAsync($"/api/v1/licences/authorisations/{authorisation.GetProperty("id").GetGuid()}/use", new { purpose = "复核" }, _ct);
        var use = await used.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var detail = await holder.GetFromJsonAsync<JsonElement>($"/api/v1/licences/{id}", _ct);

        granted.StatusCode.ShouldBe(HttpStatusCode.Created, await granted.Content.ReadAsStringAsync(_ct));
        authorisation.GetProperty("granteeName").GetString().ShouldBe("武侯区民政局");
        authorisation.GetProperty("shareLink").ValueKind.ShouldBe(JsonValueKind.Null);
        received.EnumerateArray().ShouldContain(a => a.GetProperty("id").GetGuid() == authorisation.GetProperty("id").GetGuid());
        used.StatusCode.ShouldBe(HttpStatusCode.OK, await used.Content.ReadAsStringAsync(_ct));
        LicencesApp.Verdict(use.GetProperty("verification")).ShouldBe("Valid");
        use.GetProperty("verification").GetProperty("disclosed").EnumerateObject().Select(p => p.Name).Order().ShouldBe(["经营者", "经营范围"]);
        detail.GetProperty("uses").EnumerateArray().ShouldContain(u => u.GetProperty("usedBy").GetString()!.StartsWith("武侯区民政局") && u.GetProperty("purpose").GetString() == "低保资格审核：复核");
    }

    [Fact]
    public async Task The_grant_is_signed_by_the_platform_key_published_in_the_key_set()
    {
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var authorisation = await (await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations",
            new { granteeKind = "ThirdParty", granteeName = "某银行广安支行", purpose = "开立对公账户" }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var jwks = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/licences/jwks", _ct);

        var parts = authorisation.GetProperty("token").GetString()!.Split('.');
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
        var key = jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == header.GetProperty("kid").GetString());
        var verifier = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        verifier.Init(false, new Org.BouncyCastle.Crypto.Parameters.Ed25519PublicKeyParameters(Base64Url.DecodeFromChars(key.GetProperty("x").GetString()!)));
        var input = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        verifier.BlockUpdate(input, 0, input.Length);

        header.GetProperty("typ").GetString().ShouldBe("licence-authorisation+jwt");
        verifier.VerifySignature(Base64Url.DecodeFromChars(parts[2])).ShouldBeTrue();
        payload.GetProperty("purpose").GetString().ShouldBe("开立对公账户");
        payload.GetProperty("grantee").GetProperty("name").GetString().ShouldBe("某银行广安支行");
        payload.GetProperty("fields").GetArrayLength().ShouldBe(6);
    }

    [Fact]
    public async Task A_third_party_uses_the_share_code_until_the_holder_revokes_it()
    {
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var authorisation = await (await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations",
            new { granteeKind = "ThirdParty", granteeName = "某银行广安支行", purpose = "开立对公账户", fields = new[] { "经营者" } }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var code = authorisation.GetProperty("shareLink").GetString()!.Split('/').Last();
        var anonymous = app.Client();

        var before = await anonymous.PostAsJsonAsync("/api/v1/licences/authorisations/shared", new { code }, _ct);
        var shown = await before.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var revoked = await holder.PostAsJsonAsync($"/api/v1/licences/authorisations/{authorisation.GetProperty("id").GetGuid()}/revoke", new { }, _ct);
        var twice = await holder.PostAsJsonAsync($"/api/v1/licences/authorisations/{authorisation.GetProperty("id").GetGuid()}/revoke", new { }, _ct);
        var after = await anonymous.PostAsJsonAsync("/api/v1/licences/authorisations/shared", new { code }, _ct);
        var guessed = await anonymous.PostAsJsonAsync("/api/v1/licences/authorisations/shared", new { code = "AAAAAAAAAAAAAAAAAAAAAA" }, _ct);
        var list = await holder.GetFromJsonAsync<JsonElement>($"/api/v1/licences/{id}/authorisations", _ct);

        before.StatusCode.ShouldBe(HttpStatusCode.OK, await before.Content.ReadAsStringAsync(_ct));
        shown.GetProperty("verification").GetProperty("disclosed").GetProperty("经营者").GetString().ShouldBe("张广安");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "licences.authorisation_revoked");
        await after.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "licences.authorisation_inactive");
        await guessed.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.authorisation_not_found");
        list.EnumerateArray().Single().GetProperty("active").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_authorisation_ends_after_its_last_day_and_follows_the_licence_to_its_new_version()
    {
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        var authorisation = await (await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations",
            new { granteeCode = "WH-MZ", purpose = "审核", validUntil = today.AddDays(2).ToString("yyyy-MM-dd") }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var useUrl = $"/api/v1/licences/authorisations/{authorisation.GetProperty("id").GetGuid()}/use";
        var approver = await app.AsAsync("GA-APPROVER");
        var renewed = await approver.PostAsJsonAsync($"/api/v1/licences/{id}/versions", new { reason = "延续" }, _ct);
        var clerk = await app.AsAsync("WH-CLERK");

        var onNewVersion = await (await clerk.PostAsJsonAsync(useUrl, new { }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        app.Clock.Offset += TimeSpan.FromDays(4);
        var expired = await clerk.PostAsJsonAsync(useUrl, new { }, _ct);
        app.Clock.Offset -= TimeSpan.FromDays(4);

        renewed.StatusCode.ShouldBe(HttpStatusCode.Created, await renewed.Content.ReadAsStringAsync(_ct));
        onNewVersion.GetProperty("verification").GetProperty("identifier").GetString()!.ShouldContain(".002.");
        await expired.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "licences.authorisation_inactive");
    }

    [Fact]
    public async Task Only_the_holder_grants_only_the_grantee_uses_and_bad_grants_are_refused()
    {
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var stranger = await app.AsAsync(LicencesApp.OtherCitizen);
        var granted = await (await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations", new { granteeCode = "WH-MZ", purpose = "审核" }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var otherDepartment = await app.AsAsync("GA-CLERK");

        var byStranger = await stranger.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations", new { granteeCode = "WH-MZ", purpose = "审核" }, _ct);
        var unknownDepartment = await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations", new { granteeCode = "NOPE", purpose = "审核" }, _ct);
        var noPurpose = await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations", new { granteeCode = "WH-MZ" }, _ct);
        var unknownField = await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations", new { granteeCode = "WH-MZ", purpose = "审核", fields = new[] { "身高" } }, _ct);
        var tooLong = await holder.PostAsJsonAsync($"/api/v1/licences/{id}/authorisations", new { granteeCode = "WH-MZ", purpose = "审核", validUntil = "2040-01-01" }, _ct);
        var wrongGrantee = await otherDepartment.PostAsJsonAsync($"/api/v1/licences/authorisations/{granted.GetProperty("id").GetGuid()}/use", new { }, _ct);
        var strangerRevokes = await stranger.PostAsJsonAsync($"/api/v1/licences/authorisations/{granted.GetProperty("id").GetGuid()}/revoke", new { }, _ct);
        var strangerList = await stranger.GetFromJsonAsync<JsonElement>($"/api/v1/licences/{id}/authorisations", _ct);

        await byStranger.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.not_found");
        await unknownDepartment.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_authorisation");
        await noPurpose.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_authorisation");
        await unknownField.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_authorisation");
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_authorisation");
        await wrongGrantee.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.authorisation_not_found");
        await strangerRevokes.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.authorisation_not_found");
        strangerList.GetArrayLength().ShouldBe(0);
    }
}

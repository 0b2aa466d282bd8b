using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Yiwang.Modules.Licences.Tests.Features;

public sealed class CertificateFreeTests(LicencesApp app) : IClassFixture<LicencesApp>
{
    // 食品经营许可（新办）: its guide says the business licence (营业执照) may be replaced by the electronic licence.
    private const string FoodPermit = "511602-SCJG-005";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_holder_applies_for_an_item_that_needs_their_licence_and_uploads_nothing_for_it()
    {
        var licence = await app.IssueAsync(_ct);
        var identifier = licence.GetProperty("summary").GetProperty("identifier").GetString()!;
        var citizen = await app.AsAsync(LicencesApp.Citizen);

        var detail = await CreateAsync(citizen);
        var id = detail.GetProperty("id").GetGuid();
        var material = detail.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("materialName").GetString() == "营业执照");
        var clerk = await app.AsAsync("GA-CLERK");
        var content = await clerk.GetStringAsync($"/api/v1/applications/{id}/materials/{material.GetProperty("id").GetGuid()}/content", _ct);
        var uses = (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/licences/{licence.GetProperty("summary").GetProperty("id").GetGuid()}", _ct)).GetProperty("uses");
        var granted = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/licences/{licence.GetProperty("summary").GetProperty("id").GetGuid()}/authorisations", _ct);
        var received = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/licences/authorisations/received", _ct);

        material.GetProperty("licenceIdentifier").GetString().ShouldBe(identifier);
        detail.GetProperty("materialsFromLicences").GetInt32().ShouldBe(1);
        detail.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "营业执照").GetProperty("present").GetBoolean().ShouldBeTrue();
        LicencesApp.Verdict(await app.VerifyAsync(content, _ct)).ShouldBe("Valid");
        uses.EnumerateArray().ShouldContain(u => u.GetProperty("caseId").GetGuid() == id && u.GetProperty("purpose").GetString()!.Contains("营业执照"));
        var forCase = granted.EnumerateArray().ShouldHaveSingleItem();
        forCase.GetProperty("caseId").GetGuid().ShouldBe(id);
        forCase.GetProperty("active").GetBoolean().ShouldBeTrue();
        received.EnumerateArray().ShouldContain(a => a.GetProperty("id").GetGuid() == forCase.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_revoked_licence_is_not_used_and_the_material_stays_missing()
    {
        var other = await app.AsAsync(LicencesApp.OtherCitizen);
        var licence = await app.IssueAsync(_ct, LicencesApp.OtherCitizen, "李武侯");
        var revoke = await (await app.AsAsync("GA-APPROVER")).PostAsJsonAsync(
            $"/api/v1/licences/{licence.GetProperty("summary").GetProperty("id").GetGuid()}/status", new { status = "Revoked", reason = "依法吊销" }, _ct);

        var detail = await CreateAsync(other);

        revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        detail.GetProperty("materialsFromLicences").GetInt32().ShouldBe(0);
        detail.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "营业执照").GetProperty("present").GetBoolean().ShouldBeFalse();
    }

    private async Task<JsonElement> CreateAsync(HttpClient applicant)
    {
        var form = await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/applications/form/{FoodPermit}", _ct);
        var values = form.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString() ?? "申请食品经营许可");
        var created = await applicant.PostAsJsonAsync("/api/v1/applications", new { itemCode = FoodPermit, form = values }, _ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(_ct));
        return await created.Content.ReadFromJsonAsync<JsonElement>(_ct);
    }
}

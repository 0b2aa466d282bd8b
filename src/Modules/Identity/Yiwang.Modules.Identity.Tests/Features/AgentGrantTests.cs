using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.Modules.Identity.Seeding;
using Yiwang.TestKit;

namespace Yiwang.Modules.Identity.Tests.Features;

public sealed class AgentGrantTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<HttpClient> AsAsync(string id, string password = "Secret2026pass")
    {
        var oidc = new OidcClient(app);
        var token = (await oidc.TokensForAsync(id, password)).GetProperty("access_token").GetString()!;
        return oidc.Bearer(token);
    }

    private async Task RegisterAsync(string id) =>
        (await app.Client().PostAsJsonAsync("/api/v1/identity/register", new { name = "公民" + id[^4..], idNumber = id, phone = "13700000000", password = "Secret2026pass" }, _ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

    [Fact]
    public async Task A_representative_grants_an_agent_who_then_sees_the_enterprise_until_the_grant_is_revoked()
    {
        const string rep = "510107198001010013", agent = "510107198202020023", stranger = "510107198303030036";
        foreach (var id in new[] { rep, agent, stranger })
        {
            await RegisterAsync(id);
        }

        var repClient = await AsAsync(rep);
        var company = CheckedCreditCode();
        (await repClient.PostAsJsonAsync("/api/v1/identity/legal-persons", new { creditCode = company, name = "武侯测试有限公司" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var grant = await repClient.PostAsJsonAsync($"/api/v1/identity/legal-persons/{company}/grants", new { agentIdNumber = agent, validUntil = DateTime.UtcNow.AddDays(30) }, _ct);
        var grantId = (await grant.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetString();
        var agentClient = await AsAsync(agent);
        var strangerClient = await AsAsync(stranger);

        var seenByAgent = await agentClient.GetAsync($"/api/v1/identity/legal-persons/{company}", _ct);
        var seenByStranger = await strangerClient.GetAsync($"/api/v1/identity/legal-persons/{company}", _ct);
        var grantByStranger = await strangerClient.PostAsJsonAsync($"/api/v1/identity/legal-persons/{company}/grants", new { agentIdNumber = stranger, validUntil = DateTime.UtcNow.AddDays(30) }, _ct);
        var agentMe = await agentClient.GetFromJsonAsync<JsonElement>("/api/v1/identity/me", _ct);
        var revoked = await repClient.DeleteAsync($"/api/v1/identity/legal-persons/{company}/grants/{grantId}", _ct);
        var afterRevoke = await agentClient.GetAsync($"/api/v1/identity/legal-persons/{company}", _ct);

        grant.StatusCode.ShouldBe(HttpStatusCode.Created);
        seenByAgent.StatusCode.ShouldBe(HttpStatusCode.OK);
        await seenByStranger.ShouldBeProblemAsync(HttpStatusCode.NotFound, "identity.legal_person_not_found");
        await grantByStranger.ShouldBeProblemAsync(HttpStatusCode.NotFound, "identity.legal_person_not_found");
        agentMe.GetProperty("grantsReceived")[0].GetProperty("creditCode").GetString().ShouldBe(company);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await afterRevoke.ShouldBeProblemAsync(HttpStatusCode.NotFound, "identity.legal_person_not_found");
    }

    [Fact]
    public async Task A_grant_in_the_past_or_to_an_unknown_person_is_refused()
    {
        var rep = await AsAsync(IdentityDemoSeeder.RepresentativeId, IdentityDemoSeeder.CitizenPassword);

        var past = await rep.PostAsJsonAsync($"/api/v1/identity/legal-persons/{IdentityDemoSeeder.EnterpriseCode}/grants", new { agentIdNumber = IdentityDemoSeeder.AgentId, validUntil = DateTime.UtcNow.AddDays(-1) }, _ct);
        var unknown = await rep.PostAsJsonAsync($"/api/v1/identity/legal-persons/{IdentityDemoSeeder.EnterpriseCode}/grants", new { agentIdNumber = "11010519491231002X", validUntil = DateTime.UtcNow.AddDays(1) }, _ct);

        await past.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.invalid_grant_period");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "identity.agent_not_found");
    }

    [Fact]
    public async Task A_legal_person_with_a_wrong_credit_code_is_refused()
    {
        var rep = await AsAsync(IdentityDemoSeeder.RepresentativeId, IdentityDemoSeeder.CitizenPassword);

        var response = await rep.PostAsJsonAsync("/api/v1/identity/legal-persons", new { creditCode = "91510107MA6ABCDE1Y", name = "错误代码公司" }, _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.invalid_credit_code");
    }

    private static string CheckedCreditCode()
    {
        const string body = "91510107MA6ABCDE1";
        return body + Yiwang.Modules.Reference.Contracts.UnifiedSocialCreditCode.CheckCharacter(body);
    }
}

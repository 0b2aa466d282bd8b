using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Identity.Tests.Features;

public sealed partial class TrustUpgradeTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<HttpClient> RegisteredCitizenAsync(string id, string name, string phone)
    {
        (await app.Client().PostAsJsonAsync("/api/v1/identity/register", new { name, idNumber = id, phone, password = "Secret2026pass" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var oidc = new OidcClient(app);
        var tokens = await SeedClientAndSignInAsync(oidc, id);
        return oidc.Bearer(tokens);
    }

    private async Task<string> SeedClientAndSignInAsync(OidcClient oidc, string id)
    {
        return (await oidc.TokensForAsync(id, "Secret2026pass")).GetProperty("access_token").GetString()!;
    }

    private string LastCode(string phone) =>
        SixDigits().Match(app.Services.GetRequiredService<DevelopmentSmsSender>().LastTo(phone) ?? "").Value;

    private async Task<string> TrustAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/identity/me", _ct)).GetProperty("trustLevel").GetString()!;

    [Fact]
    public async Task A_citizen_verifies_the_phone_with_an_sms_code_and_then_the_real_name()
    {
        var client = await RegisteredCitizenAsync("320102198806060010", "韩验证", "13811112222");

        var sent = await client.PostAsync("/api/v1/identity/me/phone-verification", null, _ct);
        var confirmed = await client.PostAsJsonAsync("/api/v1/identity/me/phone-verification/confirm", new { code = LastCode("13811112222") }, _ct);
        var afterPhone = await TrustAsync(client);
        var realName = await client.PostAsJsonAsync("/api/v1/identity/me/real-name", new { name = "韩验证" }, _ct);

        sent.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        afterPhone.ShouldBe("PhoneVerified");
        realName.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await TrustAsync(client)).ShouldBe("RealNameVerified");
    }

    [Fact]
    public async Task Wrong_codes_are_refused_a_code_works_once_and_a_resend_must_wait()
    {
        var client = await RegisteredCitizenAsync("320102198806060029", "钱代码", "13811113333");
        await client.PostAsync("/api/v1/identity/me/phone-verification", null, _ct);
        var code = LastCode("13811113333");

        var tooSoon = await client.PostAsync("/api/v1/identity/me/phone-verification", null, _ct);
        var wrong = await client.PostAsJsonAsync("/api/v1/identity/me/phone-verification/confirm", new { code = code == "000000" ? "111111" : "000000" }, _ct);
        var right = await client.PostAsJsonAsync("/api/v1/identity/me/phone-verification/confirm", new { code }, _ct);
        var again = await client.PostAsJsonAsync("/api/v1/identity/me/phone-verification/confirm", new { code }, _ct);

        await tooSoon.ShouldBeProblemAsync(HttpStatusCode.Conflict, "identity.code_too_soon");
        await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.invalid_code");
        right.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.code_expired");
    }

    [Fact]
    public async Task Five_wrong_codes_burn_the_code()
    {
        var client = await RegisteredCitizenAsync("320102198806060037", "孙尝试", "13811114444");
        await client.PostAsync("/api/v1/identity/me/phone-verification", null, _ct);
        var code = LastCode("13811114444");
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/identity/me/phone-verification/confirm", new { code = wrong }, _ct);
        }

        var right = await client.PostAsJsonAsync("/api/v1/identity/me/phone-verification/confirm", new { code }, _ct);

        await right.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.too_many_attempts");
    }

    [Fact]
    public async Task Real_name_needs_a_verified_phone_and_a_matching_name()
    {
        var client = await RegisteredCitizenAsync("320102198806060045", "李实名", "13811115555");

        var beforePhone = await client.PostAsJsonAsync("/api/v1/identity/me/real-name", new { name = "李实名" }, _ct);
        await client.PostAsync("/api/v1/identity/me/phone-verification", null, _ct);
        await client.PostAsJsonAsync("/api/v1/identity/me/phone-verification/confirm", new { code = LastCode("13811115555") }, _ct);
        var wrongName = await client.PostAsJsonAsync("/api/v1/identity/me/real-name", new { name = "别人" }, _ct);

        await beforePhone.ShouldBeProblemAsync(HttpStatusCode.Conflict, "identity.phone_not_verified");
        await wrongName.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "identity.real_name_refused");
        (await TrustAsync(client)).ShouldBe("PhoneVerified");
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Identity.Persistence;
using Yiwang.Modules.Identity.Seeding;
using Yiwang.TestKit;

namespace Yiwang.Modules.Identity.Tests.Features;

public sealed class AccountTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object ACitizen(string idNumber, string password = "Secret2026pass") => new { name = "测试公民", idNumber, phone = "13900000000", password };

    [Fact]
    public async Task A_citizen_registers_and_sees_only_a_masked_id_number()
    {
        var response = await app.Client().PostAsJsonAsync("/api/v1/identity/register", ACitizen("11010519491231002X"), _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadAsStringAsync(_ct);
        body.ShouldContain("1****************X");
        body.ShouldNotContain("11010519491231002X");
    }

    [Theory]
    [InlineData("110105194912310021", "identity.invalid_id_number")]
    [InlineData("110105194913310028", "identity.invalid_id_number")]
    [InlineData("1101051949", "identity.invalid_id_number")]
    public async Task An_id_number_with_a_wrong_check_digit_or_date_is_refused(string idNumber, string code)
    {
        var response = await app.Client().PostAsJsonAsync("/api/v1/identity/register", ACitizen(idNumber), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_weak_password_and_a_second_registration_are_refused()
    {
        var weak = await app.Client().PostAsJsonAsync("/api/v1/identity/register", ACitizen("510107198511124563", "short"), _ct);
        var duplicate = await app.Client().PostAsJsonAsync("/api/v1/identity/register", ACitizen(IdentityDemoSeeder.AgentId), _ct);

        await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "identity.weak_password");
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "identity.duplicate_account");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_every_attempt_is_audited()
    {
        const string id = "440106199001011235";
        await app.Client().PostAsJsonAsync("/api/v1/identity/register", ACitizen(id), _ct);
        var oidc = new OidcClient(app);
        for (var i = 0; i < 5; i++)
        {
            (await oidc.SignInAsync(id, "WrongPassword1")).Headers.Location!.ToString().ShouldContain("error=invalid");
        }

        var withRightPassword = await oidc.SignInAsync(id, "Secret2026pass");

        withRightPassword.Headers.Location!.ToString().ShouldContain("error=locked");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var accountId = (await db.Accounts.SingleAsync(a => a.LoginName == id, _ct)).Id.ToString();
        (await db.Audit.CountAsync(a => a.Subject == accountId && a.Action == "identity.sign_in_failed", _ct)).ShouldBe(6);
    }

    [Fact]
    public async Task An_unknown_account_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await new OidcClient(app).SignInAsync("NOBODY", "whatever123");

        response.Headers.Location!.ToString().ShouldContain("error=invalid");
    }
}

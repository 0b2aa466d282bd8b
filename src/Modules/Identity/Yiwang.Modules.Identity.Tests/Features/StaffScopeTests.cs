using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Identity.Tests.Features;

public sealed class StaffScopeTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<HttpClient> StaffAsync(string login)
    {
        var oidc = new OidcClient(app);
        return oidc.Bearer((await oidc.TokensForAsync(login, "Demo2026staff")).GetProperty("access_token").GetString()!);
    }

    private async Task<List<string>> ListedAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/identity/staff", _ct)).EnumerateArray().Select(s => s.GetProperty("loginName").GetString()!)];

    [Fact]
    public async Task Each_staff_member_lists_exactly_the_staff_in_their_data_scope()
    {
        var clerk = await ListedAsync(await StaffAsync("GA-CLERK"));
        var supervisor = await ListedAsync(await StaffAsync("WH-SUPERVISOR"));
        var admin = await ListedAsync(await StaffAsync("PLATFORM-ADMIN"));

        // Other tests of this class may add staff to 广安区市场监管局; the rule is what matters.
        clerk.ShouldContain("GA-APPROVER");
        clerk.ShouldNotContain(l => l.StartsWith("WH-"));
        supervisor.ShouldBe(["WH-CLERK", "WH-DATA", "WH-SUPERVISOR"], ignoreOrder: true);
        admin.ShouldContain("GA-CLERK");
        admin.ShouldContain("WH-CLERK");
    }

    [Fact]
    public async Task A_staff_record_outside_the_scope_does_not_exist_for_the_caller()
    {
        var supervisor = await StaffAsync("WH-SUPERVISOR");

        var inside = await supervisor.GetAsync("/api/v1/identity/staff/WH-CLERK", _ct);
        var outside = await supervisor.GetAsync("/api/v1/identity/staff/GA-CLERK", _ct);

        inside.StatusCode.ShouldBe(HttpStatusCode.OK);
        await outside.ShouldBeProblemAsync(HttpStatusCode.NotFound, "identity.staff_not_found");
    }

    [Fact]
    public async Task A_department_admin_creates_staff_only_in_their_department_and_never_a_platform_admin()
    {
        var platform = await StaffAsync("PLATFORM-ADMIN");
        (await platform.PostAsJsonAsync("/api/v1/identity/staff", new { loginName = "GA-DEPTADMIN", name = "部门管理员", password = "Staff2026pass", departmentCode = "GA-SCJG", roles = new[] { "department-admin" } }, _ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var departmentAdmin = await new OidcClient(app).TokensForAsync("GA-DEPTADMIN", "Staff2026pass");
        var client = new OidcClient(app).Bearer(departmentAdmin.GetProperty("access_token").GetString()!);

        var own = await client.PostAsJsonAsync("/api/v1/identity/staff", new { loginName = "GA-NEWCLERK", name = "新窗口", password = "Staff2026pass", departmentCode = "GA-SCJG", roles = new[] { "window-clerk" } }, _ct);
        var other = await client.PostAsJsonAsync("/api/v1/identity/staff", new { loginName = "WH-NEWCLERK", name = "外部门", password = "Staff2026pass", departmentCode = "WH-MZ", roles = new[] { "window-clerk" } }, _ct);
        var escalate = await client.PostAsJsonAsync("/api/v1/identity/staff", new { loginName = "GA-ROOT", name = "越权", password = "Staff2026pass", departmentCode = "GA-SCJG", roles = new[] { "platform-admin" } }, _ct);
        var byClerk = await (await StaffAsync("GA-CLERK")).PostAsJsonAsync("/api/v1/identity/staff", new { loginName = "GA-X", name = "x", password = "Staff2026pass", departmentCode = "GA-SCJG", roles = new[] { "window-clerk" } }, _ct);

        own.StatusCode.ShouldBe(HttpStatusCode.Created);
        await other.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.outside_scope");
        await escalate.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.outside_scope");
        await byClerk.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.forbidden");
    }
}

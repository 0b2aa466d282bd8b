using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Reference.Persistence;
using Yiwang.TestKit;

namespace Yiwang.Modules.Reference.Tests.Features;

public sealed class DepartmentTests(YiwangApp app) : IClassFixture<YiwangApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object ADepartment(string code, string? creditCode = null, string region = "511602", string? parent = null) =>
        new { code, name = $"测试部门{code}", creditCode, regionCode = region, parentCode = parent };

    [Fact]
    public async Task An_admin_registers_a_department_with_a_valid_credit_code_and_it_is_audited()
    {
        var response = await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-OK-1", "11511301008778183N"), _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var stored = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/departments/D-OK-1", _ct);
        stored.GetProperty("creditCode").GetString().ShouldBe("11511301008778183N");
        stored.GetProperty("regionName").GetString().ShouldBe("四川省 广安市 广安区");
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ReferenceDbContext>().Audit.SingleAsync(a => a.Subject == "D-OK-1", _ct);
        audit.ActorId.ShouldBe("operator");
        audit.Action.ShouldBe("reference.department_created");
    }

    [Fact]
    public async Task A_credit_code_with_a_wrong_check_character_is_refused()
    {
        var response = await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-BAD-1", "11511301008778183M"), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reference.invalid_credit_code");
    }

    [Fact]
    public async Task An_unknown_region_is_unprocessable()
    {
        var response = await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-BAD-2", region: "990100"), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reference.unknown_region");
    }

    [Fact]
    public async Task An_unknown_parent_is_unprocessable()
    {
        var response = await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-BAD-3", parent: "NOPE"), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reference.unknown_parent_department");
    }

    [Fact]
    public async Task The_same_code_twice_is_a_conflict()
    {
        await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-DUP"), _ct);

        var response = await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-DUP"), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "reference.duplicate_department");
    }

    [Fact]
    public async Task Registering_without_the_operator_token_is_refused()
    {
        var anonymous = await app.Client().PostAsJsonAsync("/api/v1/departments", ADepartment("D-ANON"), _ct);
        var wrongToken = app.Client();
        wrongToken.DefaultRequestHeaders.Authorization = new("Bearer", "guess");
        var guessed = await wrongToken.PostAsJsonAsync("/api/v1/departments", ADepartment("D-ANON"), _ct);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        guessed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Listing_by_province_includes_departments_of_its_counties()
    {
        await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-LIST-GA", region: "511602"), _ct);
        await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-LIST-BJ", region: "110101"), _ct);

        var sichuan = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/departments?region=51&pageSize=200", _ct);

        var codes = sichuan.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("D-LIST-GA");
        codes.ShouldNotContain("D-LIST-BJ");
    }

    [Fact]
    public async Task An_update_with_a_stale_revision_loses()
    {
        await app.AdminClient().PostAsJsonAsync("/api/v1/departments", ADepartment("D-REV"), _ct);
        var first = await app.AdminClient().PutAsJsonAsync("/api/v1/departments/D-REV", new { name = "改名一", regionCode = "511602", revision = 1 }, _ct);

        var second = await app.AdminClient().PutAsJsonAsync("/api/v1/departments/D-REV", new { name = "改名二", regionCode = "511602", revision = 1 }, _ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "concurrency.conflict");
    }

    [Fact]
    public async Task Bad_paging_is_a_400()
    {
        var response = await app.Client().GetAsync("/api/v1/departments?pageSize=5000", _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "paging.invalid_page_size");
    }
}

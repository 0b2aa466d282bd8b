using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>The resource catalogue: publishing, search, loading data and its quality.</summary>
public sealed class CatalogueTests(SharingApp app) : IClassFixture<SharingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Resource(string code, string shareType = "Conditional") => new
    {
        code, name = "低保对象信息", summary = "武侯区最低生活保障对象的姓名、身份证号与保障金额。", category = "社会保障", updateCycle = "每月", shareType,
        items = new object[]
        {
            new { name = "idNumber", label = "身份证号", type = "IdNumber", length = 18, level = 3, personal = true, sensitive = true, key = true, required = true },
            new { name = "name", label = "姓名", type = "PersonName", length = 50, level = 2, personal = true, sensitive = true, key = false, required = true },
            new { name = "amount", label = "保障金额", type = "Decimal", length = 12, level = 2, personal = true, sensitive = false, key = false, required = true },
            new { name = "since", label = "纳入日期", type = "Date", length = 10, level = 1, personal = false, sensitive = false, key = false, required = false },
        },
    };

    [Fact]
    public async Task A_data_admin_publishes_a_resource_that_everyone_signed_in_finds_by_its_words()
    {
        var admin = await app.AsAsync("WH-DATA");
        var published = await admin.PostAsJsonAsync("/api/v1/sharing/resources", Resource("510107-MZ-DBDX"), _ct);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync(_ct));
        (await published.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("providerDepartmentCode").GetString().ShouldBe("WH-MZ");

        var found = await (await app.AsAsync("GA-CLERK")).GetFromJsonAsync<JsonElement>("/api/v1/sharing/resources?q=低保", _ct);
        found.EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldContain("510107-MZ-DBDX");
        var byProvider = await (await app.AsAsync("GA-CLERK")).GetFromJsonAsync<JsonElement>("/api/v1/sharing/resources?q=市场监督", _ct);
        byProvider.EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldContain(SharingApp.Register);
        (await app.Client().GetAsync("/api/v1/sharing/resources", _ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Incomplete_entries_and_other_departments_are_refused()
    {
        var admin = await app.AsAsync("WH-DATA");
        await (await admin.PostAsJsonAsync("/api/v1/sharing/resources", new { code = "x", name = "" }, _ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.invalid_resource");
        await (await admin.PostAsJsonAsync("/api/v1/sharing/resources", Resource("510107-MZ-BAD", "NotShared"), _ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.invalid_resource");
        await (await admin.PostAsJsonAsync("/api/v1/sharing/resources", Resource(SharingApp.Register), _ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.not_provider");
        await (await (await app.AsAsync("WH-CLERK")).PostAsJsonAsync("/api/v1/sharing/resources", Resource("510107-MZ-X"), _ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.not_data_admin");
    }

    [Fact]
    public async Task An_upload_replaces_the_records_all_or_nothing_and_the_quality_report_counts_what_is_wrong()
    {
        var admin = await app.AsAsync("WH-DATA");
        (await admin.PostAsJsonAsync("/api/v1/sharing/resources", Resource("510107-MZ-DB2"), _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var bad = await UploadAsync(admin, "510107-MZ-DB2", "身份证号,姓名,保障金额\n510107198511124563,李武侯,800\n,无号,1\n");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors")[0].GetProperty("row").GetInt32().ShouldBe(3);
        (await (await app.AsAsync("WH-DATA")).GetFromJsonAsync<JsonElement>("/api/v1/sharing/resources/510107-MZ-DB2", _ct)).GetProperty("recordCount").GetInt32().ShouldBe(0);

        var good = await UploadAsync(admin, "510107-MZ-DB2", "idNumber,name,amount,since\n510107198511124563,李武侯,800,2024-01-01\n510107198511124560,假号,abc,2024-13-01\n");
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync(_ct));
        (await good.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("recordCount").GetInt32().ShouldBe(2);

        var quality = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sharing/resources/510107-MZ-DB2/quality", _ct);
        quality.GetProperty("records").GetInt32().ShouldBe(2);
        quality.GetProperty("completeness").GetDouble().ShouldBe(1.0);
        quality.GetProperty("validity").GetDouble().ShouldBe(0.5, 0.001); // 3 of 6 typed values are well formed
        quality.GetProperty("fresh").GetBoolean().ShouldBeTrue();

        await (await UploadAsync(await app.AsAsync("GA-DATA"), "510107-MZ-DB2", "idNumber\n1\n")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sharing.not_provider");
        await (await UploadAsync(admin, "510107-MZ-DB2", "unknown\n1\n")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.invalid_upload");
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string code, string csv)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "data.csv");
        return await client.PostAsync($"/api/v1/sharing/resources/{code}/upload", content, _ct);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using Xunit;
using Yiwang.Modules.Catalog.Persistence;
using Yiwang.TestKit;

namespace Yiwang.Modules.Catalog.Tests.Features;

public sealed class ImportExportTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private const string Header = "事项编码,事项名称,事项类型,行政区划,实施主体编码,承诺办结时限,法定办结时限,标签";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<int> ItemCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Items.CountAsync(_ct);
    }

    private Task<HttpResponseMessage> ImportCsvAsync(string csv, string query = "") =>
        app.AdminClient().PostAsync("/api/v1/catalog/import?format=csv" + query, new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), _ct);

    [Fact]
    public async Task A_good_csv_creates_published_items_and_reimporting_it_changes_nothing()
    {
        var csv = $"{Header}\nIMP-OK-1,测试导入甲,1,511602,GA-SCJG,5,20,跨省通办\nIMP-OK-2,测试导入乙,公共服务,511602000000,GA-MZ,0,0,\n";

        var first = await (await ImportCsvAsync(csv)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var second = await (await ImportCsvAsync(csv)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var item = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items/IMP-OK-1", _ct);

        first.GetProperty("created").GetInt32().ShouldBe(2);
        second.GetProperty("unchanged").GetInt32().ShouldBe(2);
        item.GetProperty("guide").GetProperty("typeCode").GetString().ShouldBe("01");
        item.GetProperty("guide").GetProperty("flags")[0].GetString().ShouldBe("cross-province");
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_reports_each_row()
    {
        var before = await ItemCountAsync();
        var csv = $"{Header}\nIMP-ALL-1,好行,01,511602,GA-SCJG,5,20,\nIMP-ALL-2,坏类型,77,511602,GA-SCJG,5,20,\nIMP-ALL-3,坏地区,01,990000,GA-SCJG,5,20,\nIMP-ALL-4,时限倒挂,01,511602,GA-SCJG,30,20,\nIMP-ALL-1,重复编码,01,511602,GA-SCJG,5,20,\nIMP-ALL-6,未知部门,01,511602,NOPE,5,20,\n";

        var response = await ImportCsvAsync(csv);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "catalog.import_rejected");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var rows = body.GetProperty("errors").GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString())).ToList();
        rows.ShouldContain((3, "typeCode"));
        rows.ShouldContain((4, "regionCode"));
        rows.ShouldContain((5, "promisedLimitDays"));
        rows.ShouldContain((6, "code"));
        rows.ShouldContain((7, "departmentCode"));
        (await ItemCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Partial_import_takes_the_good_rows_and_reports_the_bad()
    {
        var csv = $"{Header}\nIMP-PART-1,部分导入好行,01,511602,GA-SCJG,5,20,\nIMP-PART-2,部分导入坏行,01,511602,GA-SCJG,abc,20,\n";

        var report = await (await ImportCsvAsync(csv, "&partial=true")).Content.ReadFromJsonAsync<JsonElement>(_ct);

        report.GetProperty("created").GetInt32().ShouldBe(1);
        report.GetProperty("rejected").GetInt32().ShouldBe(1);
        report.GetProperty("errors")[0].GetProperty("line").GetInt32().ShouldBe(3);
        (await app.Client().GetAsync("/api/v1/catalog/items/IMP-PART-2", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_column_is_refused_before_any_row_is_read()
    {
        var response = await ImportCsvAsync("事项编码,事项名称,事项类型,办理心情\nX-1,甲,01,好\n");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "catalog.import_unknown_column");
    }

    [Fact]
    public async Task A_missing_required_column_is_refused()
    {
        var response = await ImportCsvAsync("事项编码,事项名称\nX-1,甲\n");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "catalog.import_missing_column");
    }

    [Fact]
    public async Task A_csv_in_gbk_is_refused_as_not_utf8()
    {
        // "事项编码" in GBK.
        var gbk = new byte[] { 0xCA, 0xC2, 0xCF, 0xEE, 0xB1, 0xE0, 0xC2, 0xEB, 0x0A, 0x31, 0x0A };

        var response = await app.AdminClient().PostAsync("/api/v1/catalog/import?format=csv", new ByteArrayContent(gbk), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "catalog.import_not_utf8");
    }

    [Theory]
    [InlineData("", "catalog.import_empty")]
    [InlineData("\"unterminated,quote\n", "catalog.import_unknown_column")]
    public async Task Empty_or_garbled_files_are_400s(string csv, string code)
    {
        var response = await ImportCsvAsync(csv);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_as_xlsx()
    {
        var response = await app.AdminClient().PostAsync("/api/v1/catalog/import?format=xlsx", new ByteArrayContent([1, 2, 3, 4]), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "catalog.import_malformed");
    }

    [Fact]
    public async Task An_unknown_format_is_refused()
    {
        var response = await app.AdminClient().PostAsync("/api/v1/catalog/import?format=pdf", new ByteArrayContent([1]), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "catalog.import_unknown_format");
    }

    [Fact]
    public async Task Importing_needs_the_operator_token()
    {
        var response = await app.Client().PostAsync("/api/v1/catalog/import?format=csv", new ByteArrayContent(Encoding.UTF8.GetBytes(Header)), _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task An_exported_catalogue_imports_back_unchanged(string format)
    {
        var exported = await app.Client().GetByteArrayAsync($"/api/v1/catalog/export?format={format}", _ct);

        var report = await (await app.AdminClient().PostAsync($"/api/v1/catalog/import?format={format}", new ByteArrayContent(exported), _ct))
            .Content.ReadFromJsonAsync<JsonElement>(_ct);

        report.GetProperty("rows").GetInt32().ShouldBeGreaterThanOrEqualTo(1175);
        report.GetProperty("created").GetInt32().ShouldBe(0);
        report.GetProperty("updated").GetInt32().ShouldBe(0);
        report.GetProperty("rejected").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_excel_export_has_chinese_headers_and_full_guides()
    {
        var exported = await app.Client().GetByteArrayAsync("/api/v1/catalog/export?format=xlsx", _ct);

        var rows = new MemoryStream(exported).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var marriage = rows.First(r => (string?)r["事项编码"] == "511602-MZ-001");
        marriage["事项名称"].ShouldBe("结婚登记");
        marriage["办件类型"].ShouldBe("即办件");
        ((string)marriage["申请材料"]!).ShouldContain("居民户口簿");
    }

    [Fact]
    public async Task The_consistency_report_finds_the_item_that_dropped_a_required_material()
    {
        var report = await app.AdminClient().GetFromJsonAsync<JsonElement>("/api/v1/catalog/consistency", _ct);

        var drift = report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "510107-SCJG-001");
        drift.GetProperty("problem").GetString().ShouldBe("drift");
        drift.GetProperty("drifts")[0].GetProperty("field").GetString().ShouldBe("materials");
        report.GetProperty("findings").EnumerateArray().ShouldNotContain(f => f.GetProperty("code").GetString() == "511602-MZ-001");
        report.GetProperty("missingBasic").GetInt32().ShouldBeGreaterThanOrEqualTo(1135);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.EndToEndTests;

public sealed class RestartTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Departments_items_and_imported_holidays_survive_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = new YiwangAppOnDatabase(database))
        {
            await first.InitializeAsync();
            var admin = first.AdminClient();
            (await admin.PostAsJsonAsync("/api/v1/departments", new { code = "R-DEPT", name = "重启测试局", regionCode = "511602" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
            var csv = "事项编码,事项名称,事项类型,行政区划,实施主体编码\nR-ITEM-1,重启后仍在的事项,01,511602,R-DEPT\n";
            (await admin.PostAsync("/api/v1/catalog/import?format=csv", new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var holidays = """{"year":2031,"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true}]}""";
            (await admin.PostAsync("/api/v1/calendar/import", new StringContent(holidays, System.Text.Encoding.UTF8, "application/json"), _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var second = new YiwangAppOnDatabase(database);
        await second.InitializeAsync();

        (await second.Client().GetAsync("/api/v1/departments/R-DEPT", _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var search = await second.Client().GetFromJsonAsync<JsonElement>("/api/v1/catalog/items?q=" + Uri.EscapeDataString("重启后仍在"), _ct);
        search.GetProperty("items")[0].GetProperty("code").GetString().ShouldBe("R-ITEM-1");
        var year = await second.Client().GetFromJsonAsync<JsonElement>("/api/v1/calendar/2031", _ct);
        year.GetProperty("covered").GetBoolean().ShouldBeTrue();
    }
}

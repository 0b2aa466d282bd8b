using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Reference.Tests.Features;

public sealed class CalendarTests(YiwangApp app) : IClassFixture<YiwangApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adding_working_days_skips_the_national_day_holiday()
    {
        var result = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-working-days?from=2024-09-30T09:00:00%2B08:00&days=5", _ct);

        // 8–11 October, then Saturday 12 October, an adjusted working day (调休).
        result.GetProperty("resultDate").GetString().ShouldBe("2024-10-12");
        result.GetProperty("holidayDataCovered").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_date_without_an_offset_is_read_as_shanghai_time()
    {
        var result = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-working-days?from=2025-01-27&days=1", _ct);

        result.GetProperty("resultDate").GetString().ShouldBe("2025-02-05");
    }

    [Fact]
    public async Task Counting_the_working_days_of_spring_festival_week()
    {
        var result = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/calendar/count-working-days?from=2025-01-26&to=2025-02-09", _ct);

        // 26 Jan (Sun) is an adjusted working day but not counted (the range starts after 'from'); 27 Jan and 5–7 Feb, 8 Feb (Sat, adjusted).
        result.GetProperty("workingDays").GetInt32().ShouldBe(5);
    }

    [Theory]
    [InlineData("/api/v1/calendar/add-working-days?from=yesterday&days=1", "reference.invalid_instant")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-01-01&days=-1", "reference.invalid_days")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-01-01", "reference.invalid_days")]
    [InlineData("/api/v1/calendar/add-working-days?days=3", "reference.invalid_instant")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-01-01&days=99999", "reference.invalid_days")]
    [InlineData("/api/v1/calendar/count-working-days?from=1990-01-01&to=2030-01-01", "reference.range_too_long")]
    [InlineData("/api/v1/calendar/1800", "reference.invalid_year")]
    public async Task Bad_calendar_input_is_a_400_with_a_stable_code(string url, string code)
    {
        var response = await app.Client().GetAsync(url, _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_newer_year_can_be_imported_at_run_time_and_is_used_at_once()
    {
        const string year2030 = """
            {"year":2030,"days":[{"name":"国庆节","date":"2030-10-01","isOffDay":true},{"name":"国庆节","date":"2030-10-02","isOffDay":true},{"name":"国庆节","date":"2030-09-29","isOffDay":false}]}
            """;

        var import = await app.AdminClient().PostAsync("/api/v1/calendar/import", new StringContent(year2030, Encoding.UTF8, "application/json"), _ct);
        var after = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-working-days?from=2030-09-30T10:00:00%2B08:00&days=1", _ct);
        var year = await app.Client().GetFromJsonAsync<JsonElement>("/api/v1/calendar/2030", _ct);

        import.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.GetProperty("resultDate").GetString().ShouldBe("2030-10-03");
        year.GetProperty("covered").GetBoolean().ShouldBeTrue();
        year.GetProperty("days").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task A_calendar_file_that_is_not_json_is_refused()
    {
        var response = await app.AdminClient().PostAsync("/api/v1/calendar/import", new StringContent("year: 2031", Encoding.UTF8, "application/json"), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reference.calendar_malformed_json");
    }

    [Fact]
    public async Task A_calendar_file_that_is_not_utf8_is_refused()
    {
        var gbkLike = new byte[] { 0x7B, 0x22, 0x79, 0x65, 0x61, 0x72, 0x22, 0x3A, 0x32, 0x30, 0x33, 0x31, 0x2C, 0x22, 0xB9, 0xFA, 0x22, 0x7D };

        var response = await app.AdminClient().PostAsync("/api/v1/calendar/import", new ByteArrayContent(gbkLike), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reference.calendar_not_utf8");
    }

    [Fact]
    public async Task A_calendar_file_of_the_wrong_shape_is_refused()
    {
        var response = await app.AdminClient().PostAsync("/api/v1/calendar/import", new StringContent("""{"year":2031,"days":[{"date":"31/10/2031"}]}""", Encoding.UTF8, "application/json"), _ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reference.calendar_bad_day");
    }
}

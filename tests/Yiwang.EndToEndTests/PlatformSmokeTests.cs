using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.EndToEndTests;

public sealed class PlatformSmokeTests(YiwangApp app) : IClassFixture<YiwangApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Liveness_and_readiness_answer_ok_once_started()
    {
        (await app.Client().GetAsync("/health/live", _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client().GetAsync("/health/ready", _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_catalogue_and_reference_endpoints()
    {
        var document = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json", _ct);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/catalog/items");
        paths.ShouldContain("/api/v1/catalog/items/{code}");
        paths.ShouldContain("/api/v1/regions/{code}/children");
        paths.ShouldContain("/api/v1/departments");
        paths.ShouldContain("/api/v1/calendar/add-working-days");
    }

    [Fact]
    public async Task The_scalar_api_reference_is_served_at_docs()
    {
        var response = await app.Client().GetAsync("/docs/", _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(_ct)).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task Prometheus_metrics_include_http_server_durations()
    {
        await app.Client().GetAsync("/api/v1/regions", _ct);

        var metrics = await app.Client().GetStringAsync("/metrics", _ct);

        metrics.ShouldContain("http_server_request_duration");
    }

    [Fact]
    public async Task Every_response_carries_a_request_id()
    {
        var response = await app.Client().GetAsync("/api/v1/regions", _ct);

        response.Headers.GetValues("X-Request-Id").Single().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_response_not_an_html_page()
    {
        var response = await app.Client().GetAsync("/api/v1/nothing-here", _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_language_switch_only_redirects_within_the_site()
    {
        var client = app.Client();

        var local = await client.GetAsync("/lang/en?returnUrl=%2Fsearch", _ct);
        var offsite = await client.GetAsync("/lang/en?returnUrl=https%3A%2F%2Fevil.example", _ct);

        local.Headers.Location!.ToString().ShouldBe("/search");
        offsite.Headers.Location!.ToString().ShouldBe("/");
    }
}

public sealed class RateLimitTests(RateLimitTests.LowLimitApp app) : IClassFixture<RateLimitTests.LowLimitApp>
{
    public sealed class LowLimitApp : YiwangApp
    {
        protected override string[] ExtraArgs => ["--RateLimit:PermitPerWindow=5", "--RateLimit:WindowSeconds=60", "--RateLimit:SignInsPerMinute=3"];
    }

    [Fact]
    public async Task The_token_endpoint_has_its_own_tighter_limit()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "x" });
            statuses.Add((await client.PostAsync("/connect/token", form, TestContext.Current.CancellationToken)).StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        statuses[3].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Public_api_calls_beyond_the_limit_get_429_with_a_stable_code()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/regions", TestContext.Current.CancellationToken)).StatusCode);
        }

        var limited = await client.GetAsync("/api/v1/regions", TestContext.Current.CancellationToken);

        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.OK);
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }
}

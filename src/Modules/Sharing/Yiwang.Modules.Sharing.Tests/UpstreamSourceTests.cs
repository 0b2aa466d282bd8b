using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Sharing.Calling;
using Yiwang.TestKit;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>The hub with a provider department's own API behind it (a stand-in that answers like one).</summary>
public sealed class UpstreamApp : SharingApp
{
    public List<Uri> Asked { get; } = [];

    protected override string[] ExtraArgs => [.. base.ExtraArgs, "--Sharing:UpstreamHosts:0=upstream.test", "--Sharing:UpstreamHosts:1=.zwww.test"];

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddHttpClient(UpstreamSource.ClientName).ConfigurePrimaryHttpMessageHandler(() => new Provider(Asked));
    }

    private sealed class Provider(List<Uri> asked) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (asked)
            {
                asked.Add(request.RequestUri!);
            }

            if (request.RequestUri!.AbsolutePath == "/down")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway));
            }

            var json = """[{"idNumber":"510107198511124563","name":"李武侯","insured":true,"internalNote":"不应外传"}]""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}

/// <summary>Publishes a resource read from a provider's API, as GA-DATA.</summary>
internal static class HttpResources
{
    public static async Task<HttpResponseMessage> PublishAsync(SharingApp app, string code, string url)
    {
        var provider = await app.AsAsync("GA-DATA");
        return await provider.PostAsJsonAsync("/api/v1/sharing/resources", new
        {
            code, name = "参保状态", summary = "从人社系统实时查询的参保状态", updateCycle = "实时", shareType = "Unconditional", source = "Http", sourceUrl = url,
            items = new object[]
            {
                new { name = "idNumber", label = "身份证号", type = "IdNumber", length = 18, level = 3, personal = true, sensitive = true, key = true, required = true },
                new { name = "name", label = "姓名", type = "PersonName", length = 50, level = 2, personal = true, sensitive = false, key = false, required = true },
                new { name = "insured", label = "是否参保", type = "Text", length = 5, level = 1, personal = true, sensitive = false, key = false, required = true },
            },
        }, TestContext.Current.CancellationToken);
    }
}

/// <summary>A resource served from the provider's own API (接口挂接).</summary>
public sealed class UpstreamSourceTests(UpstreamApp app) : IClassFixture<UpstreamApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task PublishAsync(string code, string url)
    {
        var published = await HttpResources.PublishAsync(app, code, url);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync(_ct));
        await app.RequestAsync(code, ["idNumber", "name", "insured"]);
    }

    [Fact]
    public async Task A_lookup_asks_the_providers_api_and_returns_only_the_resources_items_masked()
    {
        await PublishAsync("511602-RS-CBZT", "http://upstream.test/persons?system=hub");

        var answered = await app.QueryAsync("511602-RS-CBZT", new { filters = new { idNumber = "510107198511124563" }, purpose = "核验参保", caseRef = "C-1" });

        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync(_ct));
        var record = (await answered.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("records")[0];
        record.GetProperty("idNumber").GetString().ShouldBe("5****************3");
        record.GetProperty("insured").GetString().ShouldBe("true");
        record.TryGetProperty("internalNote", out _).ShouldBeFalse();
        app.Asked.ShouldContain(u => u.Query == "?system=hub&idNumber=510107198511124563");
    }

    [Fact]
    public async Task A_provider_api_that_fails_gives_503_and_nothing_else()
    {
        await PublishAsync("511602-RS-DOWN", "http://upstream.test/down");

        await (await app.QueryAsync("511602-RS-DOWN", new { filters = new { idNumber = "510107198511124563" }, purpose = "核验参保", caseRef = "C-1" }))
            .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "sharing.upstream_unavailable");
    }

    [Fact]
    public async Task A_source_on_a_host_the_operator_did_not_list_is_refused_and_one_in_a_listed_domain_is_published()
    {
        await (await HttpResources.PublishAsync(app, "511602-RS-ELSE", "http://intranet.internal/persons"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.upstream_not_allowed");
        await (await HttpResources.PublishAsync(app, "511602-RS-ELSE", "http://zwww.test.evil.example/persons"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sharing.upstream_not_allowed");

        (await HttpResources.PublishAsync(app, "511602-RS-ZWWW", "https://rs.zwww.test/persons")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

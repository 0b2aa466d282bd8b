using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Yiwang.Modules.Sharing.Seeding;
using Yiwang.TestKit;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>
/// The demo platform for the hub: 广安区市场监管局 (GA-DATA) provides the demo register (conditional) and directory
/// (unconditional); 武侯区民政局 (WH-DATA) consumes them through its system wh-mz-marriage. The clock can be moved.
/// </summary>
public class SharingApp : YiwangDemoApp
{
    public const string Register = SharingDemoSeeder.RegisterCode;
    public const string Directory = SharingDemoSeeder.DirectoryCode;
    public const string System = "wh-mz-marriage";
    public const string Citizen = "511602199003071232";

    public ShiftableClock Clock { get; } = new();

    protected override string[] ExtraArgs => ["--Sharing:CheckpointSeconds=3600", "--Sharing:SweepSeconds=3600", "--RateLimit:PermitPerWindow=100000"];

    protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(services,
            Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<TimeProvider>(Clock));

    private string? _systemToken;

    /// <summary>A client holding an access token of the demo department system (client credentials).</summary>
    public async Task<HttpClient> SystemAsync(string clientId = System, string secret = "demo-system-secret-2026")
    {
        if (clientId != System || _systemToken is null)
        {
            var response = await Client().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "api",
            }));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
            if (clientId != System)
            {
                return new OidcClient(this).Bearer(token);
            }

            _systemToken = token;
        }

        return new OidcClient(this).Bearer(_systemToken);
    }

    /// <summary>WH-DATA asks for the resource for wh-mz-marriage; returns the request as the API answered it.</summary>
    public async Task<JsonElement> RequestAsync(string code, string[] items, int quota = 1000, string? validUntil = null, string clientId = System)
    {
        var consumer = await AsAsync("WH-DATA");
        var response = await consumer.PostAsJsonAsync($"/api/v1/sharing/resources/{code}/requests", new
        {
            clientId, items, purpose = "婚姻登记核验经营者身份", legalBasis = "《婚姻登记条例》", dailyQuota = quota,
            validUntil = validUntil ?? DateTime.UtcNow.AddHours(8).AddMonths(6).ToString("yyyy-MM-dd"),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A lookup by the demo system (or another).</summary>
    public async Task<HttpResponseMessage> QueryAsync(string code, object body, HttpClient? system = null) =>
        await (system ?? await SystemAsync()).PostAsJsonAsync($"/api/v1/sharing/resources/{code}/query", body);

    /// <summary>Registers another system of 武侯区民政局 and returns a client holding its token.</summary>
    public async Task<HttpClient> NewSystemAsync(string clientId)
    {
        var registered = await AdminClient().PostAsJsonAsync("/api/v1/identity/clients", new { clientId, departmentCode = "WH-MZ", displayName = clientId });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var secret = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        return await SystemAsync(clientId, secret);
    }
}

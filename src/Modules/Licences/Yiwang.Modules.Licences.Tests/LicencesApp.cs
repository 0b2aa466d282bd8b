using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shouldly;
using Yiwang.Modules.Licences.Seeding;
using Yiwang.TestKit;

namespace Yiwang.Modules.Licences.Tests;

/// <summary>The demo platform with a movable clock, status lists not cached, and helpers to issue and present licences.</summary>
public sealed class LicencesApp : YiwangDemoApp
{
    public const string Citizen = "511602199003071232";
    public const string OtherCitizen = "510107198511124563";
    public const string BusinessLicence = LicencesDemoSeeder.BusinessLicenceType;

    public ShiftableClock Clock { get; } = new();

    protected override string[] ExtraArgs => ["--Licences:StatusListCacheSeconds=0", "--Licences:PublicUrl=http://localhost", "--Licences:IssueFromCasesSeconds=1", "--Licences:ObjectionSweepSeconds=3600"];

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));

    /// <summary>The Guang'an approver issues a business licence to the demo citizen; returns the licence detail.</summary>
    public async Task<JsonElement> IssueAsync(CancellationToken ct, string holderCode = Citizen, string holderName = "张广安")
    {
        var approver = await AsAsync("GA-APPROVER");
        var response = await approver.PostAsJsonAsync("/api/v1/licences", new
        {
            typeCode = BusinessLicence,
            holderName,
            holderCode,
            fields = new Dictionary<string, string>
            {
                ["经营者"] = holderName, ["组成形式"] = "个人经营", ["经营场所"] = "广安区兴安路 8 号", ["经营范围"] = "小吃服务",
                ["登记机关"] = "广安市广安区市场监督管理局", ["注册日期"] = "2026-11-23",
            },
        }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    /// <summary>The holder presents a licence showing the named fields; returns the presentation view.</summary>
    public async Task<JsonElement> PresentAsync(Guid id, CancellationToken ct, params string[] fields)
    {
        var holder = await AsAsync(Citizen);
        var response = await holder.PostAsJsonAsync($"/api/v1/licences/{id}/presentations", new { fields }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    /// <summary>Anyone, not signed in, verifies a presentation or link.</summary>
    public async Task<JsonElement> VerifyAsync(string presentation, CancellationToken ct)
    {
        var response = await Client().PostAsJsonAsync("/api/v1/licences/verify", new { presentation }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    public static string Verdict(JsonElement verification) => verification.GetProperty("verdict").GetString()!;

    public static MultipartFormDataContent Pdf(string materialName)
    {
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n% " + materialName.Length + "\n"));
        file.Headers.ContentType = new("application/pdf");
        return new MultipartFormDataContent { { new StringContent(materialName), "materialName" }, { file, "file", "scan.pdf" } };
    }
}

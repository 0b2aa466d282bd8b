using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Yiwang.Modules.Hotline.Dispatch;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Tickets;

/// <summary>The demo platform with a small dispatch model (street lights → 城乡建设, buses → 交通运输) that dispatches from 0.5.</summary>
public sealed class TicketsApp : YiwangDemoApp
{
    public const string Citizen = "510107198511124563";

    public TicketsApp()
    {
        DispatchModel.Train(
        [
            new("小区路灯不亮", "小区门口的路灯坏了一个月，晚上出行不安全", "城乡建设"),
            new("楼道灯坏了", "单元楼道灯长期不亮，请物业维修", "城乡建设"),
            new("路灯损坏", "街边路灯损坏无人维修", "城乡建设"),
            new("公交线路调整", "希望恢复原来的公交线路，换乘很不方便", "交通运输"),
            new("公交车不按站停靠", "公交车经常不进站停车，乘客上车危险", "交通运输"),
            new("出租车拒载", "晚上打车出租车司机拒载还绕路", "交通运输"),
        ], TimeProvider.System).Save(ModelDirectory);
    }

    public string ModelDirectory { get; } = Directory.CreateTempSubdirectory("hotline-model-").FullName;

    public ShiftableClock Clock { get; } = new();

    protected override string[] ExtraArgs => [$"--Hotline:ModelPath={ModelDirectory}", "--Hotline:AutoDispatchConfidence=0.5", "--Hotline:SweepSeconds=3600"];

    protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(services,
            Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<TimeProvider>(Clock));

    public static async Task<JsonElement> StepAsync(HttpClient client, Guid id, string step, object body, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/hotline/tickets/{id}/{step}", body, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{step}: {await response.Content.ReadAsStringAsync(ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
